/**
 * The shared adapter contract over Telegram: real grammY against the loopback
 * Bot API fake. A line is a user's message; what comes back is what the user
 * reads (text after entity parsing); a press is a callback query on the
 * button, answered by editing the message it sits under.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, GROUP, MEMBER, startTelegramRig, type ChatTurn, type TelegramRig } from '../adapters/telegram-harness.js';
import { describeAdapterContract, TRIED } from './contract.js';

describeAdapterContract('telegram', async () => {
  const rig = await startTelegramRig();
  const who = (options?: { group?: boolean; admin?: boolean }): [typeof GROUP | undefined, typeof ADMIN] =>
    (options?.group ? [GROUP, options.admin ? ADMIN : MEMBER] : [undefined, ADMIN]);
  return {
    limit: 4096,
    // Telegram counts the text after entity parsing.
    measure: (m) => m.length,
    async send(line, options) {
      return (await rig.say(line, ...who(options))).map((m) => m.plainText);
    },
    converse: (line, options) => rig.converse(line, ...who(options)),
    close: () => rig.close(),
  };
});

describe('Telegram: command hints are tappable', () => {
  let rig: TelegramRig;
  beforeAll(async () => { rig = await startTelegramRig(); });
  afterAll(async () => { await rig.close(); });

  /** A command inside <code> is not tappable: Telegram marks no bot_command there. */
  const CODED_COMMAND = /<code>\s*\/[A-Za-z0-9_]/;
  const check = (turn: ChatTurn, what: string): void => {
    for (const m of turn.sent) {
      expect(m.text, what).not.toMatch(CODED_COMMAND);
      expect(m.entities.some((e) => e.type === 'code' && m.plainText.slice(e.offset, e.offset + 1) === '/'), what).toBe(false);
    }
  };

  it('no reply of any command, nor of any of its buttons, wraps a command in <code>', async () => {
    for (const line of [...TRIED, '/demnads', '/signatories nowhere', '/subscribe 25:00', '/settings zone Mars/Olympus']) {
      const turn = await rig.converse(line);
      check(turn, line);
      for (const a of turn.actions) check(await a.press(), `${line} → ${a.label}`);
    }
  }, 120_000);
});
