/** The Telegram adapter's per-chat ordering: one chat in order, chats side by side, nothing left behind. */
import { describe, expect, it } from 'vitest';
import { inOrderPer } from '../../adapters/telegram/in-order.js';

interface Update { readonly chat?: number; readonly n: number }

/** A promise with its resolve and reject in hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void; let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('inOrderPer', () => {
  it("runs one chat's handlers one after another and other chats' at once", async () => {
    const inOrder = inOrderPer((u: Update) => u.chat);
    const started: number[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const handle = (u: Update) => inOrder(u, () => { started.push(u.n); return gates[u.n]!.promise; });
    const done = [handle({ chat: 1, n: 0 }), handle({ chat: 1, n: 1 }), handle({ chat: 2, n: 2 })];
    await tick();
    expect(started).toEqual([0, 2]); // chat 1's second waits for its first; chat 2 does not wait
    gates[0]!.resolve();
    await tick();
    expect(started).toEqual([0, 2, 1]);
    gates[1]!.resolve(); gates[2]!.resolve();
    await Promise.all(done);
    expect(inOrder.pending()).toBe(0);
  });

  it('goes on after a failure, which reaches only the caller of the failed handler', async () => {
    const inOrder = inOrderPer((u: Update) => u.chat);
    const first = deferred();
    const failed = inOrder({ chat: 7, n: 0 }, () => first.promise);
    const ran: number[] = [];
    const next = inOrder({ chat: 7, n: 1 }, async () => { ran.push(1); });
    first.reject(new Error('403'));
    await expect(failed).rejects.toThrow('403');
    await expect(next).resolves.toBeUndefined();
    expect(ran).toEqual([1]);
    expect(inOrder.pending()).toBe(0);
  });

  it('runs updates without a chat at once, and forgets a chat once its last handler is done', async () => {
    const inOrder = inOrderPer((u: Update) => u.chat);
    const gate = deferred();
    const held = inOrder({ chat: 3, n: 0 }, () => gate.promise);
    expect(inOrder.pending()).toBe(1);
    let ran = false;
    await inOrder({ n: 1 }, async () => { ran = true; });
    expect(ran).toBe(true);
    gate.resolve();
    await held;
    await tick();
    expect(inOrder.pending()).toBe(0);
  });
});
