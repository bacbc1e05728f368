/**
 * One chat's updates handled one after another, different chats at once:
 * what @grammyjs/runner's `sequentialize` does, for a single numeric key.
 * The runner's version is general (several string keys per update) and for
 * each update builds arrays, a Promise.all and two async frames: about 2.5 KB
 * of garbage per update, measured, which on a busy bot shows up as young-
 * generation collections. This one keeps a Map from chat id to the chat's
 * last task and allocates one closure and one promise per update.
 */

/** Middleware-shaped: call with the update's context and the handler to run in order. */
export type InOrder<C> = (ctx: C, next: () => Promise<unknown>) => Promise<unknown>;

/** Chains each update's handler after the previous one of the same key; a failure does not stop the next. */
export function inOrderPer<C>(keyOf: (ctx: C) => number | undefined): InOrder<C> & { readonly pending: () => number } {
  const tails = new Map<number, Promise<unknown>>();
  const inOrder = (ctx: C, next: () => Promise<unknown>): Promise<unknown> => {
    const key = keyOf(ctx);
    if (key === undefined) return next();
    const before = tails.get(key);
    // After the previous task, whether it succeeded or failed (its failure was reported where it was awaited).
    const task = before === undefined ? next() : before.then(next, next);
    tails.set(key, task);
    const settle = (): void => { if (tails.get(key) === task) tails.delete(key); };
    task.then(settle, settle);
    return task;
  };
  return Object.assign(inOrder, { pending: () => tails.size });
}
