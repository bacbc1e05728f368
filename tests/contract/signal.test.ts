/**
 * The shared adapter contract over Signal: the real adapter against the
 * loopback signal-cli daemon fake. A line is a person's message (to the bot,
 * or in the group); what comes back is every message the bot sent, as
 * Signal shows it; what can be "pressed" are the commands the last message
 * offers to type (`→ Label: /command`), sent as the next message. As on
 * the console, those typed actions (and the page marker above them) are
 * what the reader can do next, not the answer: a turn's message is the
 * answer without them, measured against the phone limit, while `send` gives
 * whole messages, measured against Signal's. Signal counts its inline limit
 * in UTF-8 bytes (2,000 in signal-cli), so messages are measured in bytes —
 * stricter than characters against the phone limit. That every whole
 * message, typed actions included, stays one message within 2,000 bytes is
 * checked in tests/adapters/signal-render.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_TEXT_LIMIT_BYTES, utf8Bytes } from '../../adapters/signal/render.js';
import { ACTION_LINE, ANA, MIA, startSignalRig, type SignalRig } from '../adapters/signal-harness.js';
import { describeAdapterContract, TRIED, type ContractHarness, type Turn } from './contract.js';

/** The answer without what it offers to type next: the trailing action lines and the page marker (`Page 2 of 5`). */
function withoutTypedActions(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && (ACTION_LINE.test(lines.at(-1)!) || /^Page \d+ of \d+$/.test(lines.at(-1)!))) lines.pop();
  return lines.join('\n').trimEnd();
}

describeAdapterContract('signal', async (): Promise<ContractHarness> => {
  const rig = await startSignalRig();
  const where = (options?: { group?: boolean; admin?: boolean }): { group?: string; from: typeof ANA } =>
    (options?.group ? { group: rig.group, from: options.admin ? ANA : MIA } : { from: ANA });
  const turn = async (line: string, options?: { group?: boolean; admin?: boolean }): Promise<Turn> => {
    const t = await rig.converse(line, where(options));
    const wrap = (x: typeof t): Turn => ({
      messages: [...x.messages.slice(0, -1), ...x.messages.slice(-1).map(withoutTypedActions)],
      actions: x.actions.map((a) => ({ label: a.label, press: async () => wrap(await a.press()) })),
    });
    return wrap(t);
  };
  return {
    limit: SIGNAL_TEXT_LIMIT_BYTES,
    measure: utf8Bytes,
    async send(line, options) { return (await rig.say(line, where(options))).map((m) => m.text); },
    converse: turn,
    async close() {
      expect(rig.sig.violations).toEqual([]);
      await rig.close();
    },
  };
});

describe('Signal: what real Signal would mishandle', () => {
  let rig: SignalRig;
  beforeAll(async () => { rig = await startSignalRig(); });
  afterAll(async () => { await rig.close(); });

  it('no reply of any command, in a group or privately, has a style range outside its text or a body over 2,000 bytes', async () => {
    for (const line of TRIED) {
      await rig.converse(line);
      await rig.converse(line, { group: rig.group, from: ANA });
    }
    expect(rig.sig.violations).toEqual([]);
    expect(rig.sig.sent.every((m) => m.bytes <= 2000)).toBe(true);
  }, 60_000);
});
