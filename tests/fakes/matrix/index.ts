/**
 * Loopback fake of a Matrix homeserver (client-server API v3) for tests.
 *
 * ```ts
 * const hs = await startFakeMatrix();
 * const room = hs.roomWithBot({ creator: '@ana:fake.test' });
 * hs.say(room, '@ana:fake.test', '/demands');
 * await hs.waitFor(() => hs.sentTo(room)[0]);
 * ```
 */
export { startFakeMatrix, FakeMatrix, type CallRecord, type SentNotice, type FakeMatrixOptions } from './fake.js';
export { MatrixFaults, type MatrixFault, type FaultOptions } from './faults.js';
export { visibleText, htmlProblems } from './html.js';
export type { RoomInput, FakeEvent } from './state.js';
