/**
 * The errors signal-cli's daemon answers, shaped as it shapes them
 * (SignalJsonRpcCommandHandler: code, message, and `data: {response: …}`
 * when the command wrote its per-recipient results before failing;
 * SendCommand and SendMessageResultUtils for the messages).
 */
import type { Person, SignalFault } from './types.js';

/** A JSON-RPC error object. */
export interface RpcError {
  readonly code: number;
  readonly message: string;
  readonly data: unknown;
}

/** Shorthands for {@link SignalFault}s. */
export const SignalFaults = {
  rateLimit: (retryAfterSeconds?: number): SignalFault => ({ kind: 'rateLimit', ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) }),
  proofRequired: (token = 'challenge-token-1', retryAfterSeconds = 86_400): SignalFault => ({ kind: 'proofRequired', token, retryAfterSeconds }),
  unregistered: (): SignalFault => ({ kind: 'unregistered' }),
  unregisteredResult: (): SignalFault => ({ kind: 'unregisteredResult' }),
  notAMember: (): SignalFault => ({ kind: 'notAMember' }),
  groupNotFound: (): SignalFault => ({ kind: 'groupNotFound' }),
  onlyAdmins: (): SignalFault => ({ kind: 'onlyAdmins' }),
  untrusted: (): SignalFault => ({ kind: 'untrusted' }),
  networkFailure: (): SignalFault => ({ kind: 'networkFailure' }),
  internal: (): SignalFault => ({ kind: 'internal' }),
  unknownAccount: (): SignalFault => ({ kind: 'unknownAccount' }),
  hang: (): SignalFault => ({ kind: 'hang' }),
  http: (status: number): SignalFault => ({ kind: 'http', status }),
} as const;

/** What a send was addressed to, for the error texts. */
export interface SendTarget {
  readonly groupId?: string;
  readonly groupName?: string;
  readonly recipient?: string;
  /** The recipients the results name (the person, or the group's members). */
  readonly recipients: readonly Person[];
}

const address = (p: Person): Record<string, unknown> => ({ uuid: p.uuid ?? null, number: p.number ?? null, username: null });

/** `data.response` of a failed send: the timestamp and one result per recipient (JsonSendMessageResult). */
function response(target: SendTarget, timestamp: number, result: Record<string, unknown>): unknown {
  return {
    response: {
      timestamp,
      results: target.recipients.map((p) => ({ recipientAddress: address(p), ...(target.groupId ? { groupId: target.groupId } : {}), ...result })),
    },
  };
}

/** The error signal-cli answers for `fault` (not for `hang` and `http`, which the server plays itself). */
export function rpcErrorFor(fault: SignalFault, target: SendTarget, timestamp: number): RpcError {
  const group = `${target.groupName ?? 'group'} (${target.groupId ?? ''})`;
  switch (fault.kind) {
    case 'rateLimit':
      return {
        code: -5, message: 'Failed to send message due to rate limiting',
        data: response(target, timestamp, { type: 'RATE_LIMIT_FAILURE', ...(fault.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: fault.retryAfterSeconds }) }),
      };
    case 'proofRequired':
      return {
        code: -5, message: 'Failed to send message due to rate limiting',
        data: response(target, timestamp, { type: 'RATE_LIMIT_FAILURE', token: fault.token, retryAfterSeconds: fault.retryAfterSeconds ?? 86_400 }),
      };
    case 'unregistered':
      // UnregisteredRecipientException, thrown before anything is sent: no results.
      return { code: -1, message: `The user ${target.recipient ?? ''} is not registered.`, data: null };
    case 'unregisteredResult':
      return { code: -1, message: 'Failed to send message', data: response(target, timestamp, { type: 'UNREGISTERED_FAILURE' }) };
    case 'notAMember':
      return { code: -1, message: `User is not a member in group: ${group}`, data: null };
    case 'groupNotFound':
      return { code: -1, message: `Group not found: ${target.groupId ?? ''}`, data: null };
    case 'onlyAdmins':
      return { code: -1, message: `User is not allowed to send message to group: ${group}`, data: null };
    case 'untrusted':
      return { code: -4, message: 'Failed to send message due to untrusted identities', data: response(target, timestamp, { type: 'IDENTITY_FAILURE' }) };
    case 'networkFailure':
      return { code: -1, message: 'Failed to send message', data: response(target, timestamp, { type: 'NETWORK_FAILURE' }) };
    case 'internal':
      return { code: -32603, message: 'Failed to send message: Connection closed unexpectedly (IOException) (UnexpectedErrorException)', data: null };
    case 'unknownAccount':
      return { code: -32602, message: 'Specified account does not exist', data: null };
    case 'hang':
    case 'http':
      throw new Error(`${fault.kind} is played by the server`);
  }
}
