/**
 * Thousands of random command lines at the dispatcher: any Unicode, very long
 * arguments, markup, mentions. It must never throw, and every reply must split
 * into pieces within the platforms' limits.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/console/render.js';
import { parseCommandLine, type Dispatcher } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/index.js';
import type { RichMessage } from '../../src/rich/model.js';
import { splitReply } from '../../src/rich/split.js';
import { invocation, testDispatcher } from '../helpers/core.js';

const LIMITS = [4096, 2000];
const measure = (m: RichMessage): number => renderMessage(m, { ansi: false }).length;

const hostile = fc.constantFrom('<script>alert(1)</script>', '@everyone', '@here', '<@&123456789012345678>', '*bold* _it_ `code`',
  '[x](javascript:alert(1))', '&amp;&lt;', '\u202Eevil', '\u0000\u001b[31m', '</b><b>', 'Côte d’Ivoire', 'france', '2', '999999', '-1');

const argument = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 1000, maxLength: 6000 }),
  hostile,
  fc.array(hostile, { maxLength: 5 }).map((a) => a.join(' ')),
);

const commandName = fc.oneof(fc.constantFrom(...commands.map((c) => c.name)), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 }));

describe('dispatcher under random input', () => {
  let dispatcher: Dispatcher;
  beforeAll(async () => { ({ dispatcher } = await testDispatcher()); });

  it('never throws and every reply splits within the limits', async () => {
    await fc.assert(fc.asyncProperty(commandName, argument, fc.boolean(), async (name, arg, admin) => {
      const parsed = parseCommandLine(`/${name} ${arg}`);
      const inv = parsed
        ? invocation(parsed.command, parsed.text, { role: admin ? 'admin' : 'member', chat: { kind: admin ? 'private' : 'group' } })
        : invocation(name, arg);
      const reply = await dispatcher.dispatch(inv);
      expect(reply.messages.length).toBeGreaterThan(0);
      for (const limit of LIMITS) {
        for (const m of splitReply(reply, (x) => measure(x) <= limit).messages) expect(measure(m)).toBeLessThanOrEqual(limit);
      }
    }), { numRuns: 2500 });
  }, 120_000);
});
