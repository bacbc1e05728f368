/**
 * `placard doctor` for Signal: does the daemon at SIGNAL_CLI_URL answer
 * (`version`), and does it serve SIGNAL_ACCOUNT (`listGroups`)? Reads only;
 * never opens the event stream (with `--receive-mode=on-connection` that
 * would make the daemon take messages meant for the running bot).
 */
import type { DoctorFinding } from '../../src/adapter.js';
import { classifySignalError, SIGNAL_ERROR } from './classify.js';
import { SignalRpcError, type SignalRpc } from './rpc.js';

function unanswered(error: unknown): string {
  if (error instanceof SignalRpcError && error.code === SIGNAL_ERROR.INVALID_PARAMS) {
    return 'the daemon does not serve SIGNAL_ACCOUNT: register the number there (signal-cli -a +NUMBER register), or point SIGNAL_CLI_URL at its daemon';
  }
  const result = classifySignalError(error);
  return `could not ask the signal-cli daemon: ${'reason' in result ? result.reason : result.kind}`;
}

/** Runs the checks; never rejects (a failure to ask is itself a finding). */
export async function signalDoctor(rpc: SignalRpc): Promise<DoctorFinding[]> {
  let version: string;
  try {
    const answer = await rpc.call<{ version?: unknown } | null>('version');
    version = typeof answer?.version === 'string' ? answer.version : 'unknown version';
  } catch (error: unknown) {
    return [{ ok: false, check: 'daemon', detail: unanswered(error) }];
  }
  const findings: DoctorFinding[] = [{ ok: true, check: 'daemon', detail: `signal-cli ${version} answers at SIGNAL_CLI_URL` }];
  try {
    const groups = await rpc.call<readonly { isMember?: unknown }[]>('listGroups');
    const count = Array.isArray(groups) ? groups.filter((g) => g.isMember !== false).length : 0;
    findings.push({ ok: true, check: 'account', detail: `the daemon serves SIGNAL_ACCOUNT; the bot is in ${count} group(s)` });
  } catch (error: unknown) {
    findings.push({ ok: false, check: 'account', detail: unanswered(error) });
  }
  return findings;
}
