/**
 * `placard doctor` for Matrix: is the access token good (whoami, and whose
 * it is), and does `/sync` answer (with a filter that asks for nothing, so
 * the check costs the homeserver next to nothing)? Reads only; sends
 * nothing, joins nothing.
 */
import type { DoctorFinding } from '../../src/adapter.js';
import { MatrixApiError, type MatrixClient } from './client.js';
import { classifyMatrixError, isTokenRejected } from './errors.js';

/** A filter that returns no rooms, presence or account data: `/sync` answers with only `next_batch`. */
const NOTHING = JSON.stringify({ room: { rooms: [] }, presence: { types: [] }, account_data: { types: [] } });

function unanswered(e: unknown, what: string): string {
  if (isTokenRejected(e)) return 'the homeserver rejected the access token (401 M_UNKNOWN_TOKEN): check MATRIX_ACCESS_TOKEN';
  const result = classifyMatrixError(e);
  const reason = result.kind === 'paused' || result.kind === 'failed' || result.kind === 'forbidden' || result.kind === 'gone' ? result.reason : result.kind;
  if (e instanceof MatrixApiError && e.status === 429) return `${what}: the homeserver is rate limiting the bot (429); try again shortly`;
  return `${what}: ${reason}; check MATRIX_HOMESERVER_URL and the network`;
}

/** Runs the checks; never rejects (a failure to ask is itself a finding). */
export async function matrixDoctor(client: MatrixClient, homeserverUrl: string): Promise<DoctorFinding[]> {
  let userId: string;
  try {
    userId = (await client.whoami()).user_id;
  } catch (e: unknown) {
    return [{ ok: false, check: 'token', detail: unanswered(e, `could not ask ${homeserverUrl}`) }];
  }
  const findings: DoctorFinding[] = [{ ok: true, check: 'token', detail: `accepted by ${homeserverUrl}: the bot is ${userId}` }];
  try {
    await client.sync({ filter: NOTHING, timeout: 0, slackMs: 15_000 });
    findings.push({ ok: true, check: 'sync', detail: 'the homeserver answers /sync' });
  } catch (e: unknown) {
    findings.push({ ok: false, check: 'sync', detail: unanswered(e, '/sync failed') });
  }
  return findings;
}
