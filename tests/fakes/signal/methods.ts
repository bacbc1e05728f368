/**
 * The fake daemon's state and its JSON-RPC methods — `send`, `listGroups`,
 * `version` — with signal-cli's parameter rules (camelCase names, a single
 * value or an array for list parameters, `textStyle` as `start:length:STYLE`)
 * and its error answers. Things real Signal would mishandle without an error
 * (a style range past the text, a body over signal-cli's 2,000-byte inline
 * limit) are recorded as violations for the tests to check.
 */
import { rpcErrorFor, type RpcError, type SendTarget } from './faults.js';
import type { FakeGroup, Person, SentMessage, SentStyle, SignalFault, Violation } from './types.js';

/** What a call gets: a result, an error, or a fault the server plays (no answer, another HTTP status). */
export type Outcome =
  | { readonly result: unknown }
  | { readonly error: RpcError }
  | { readonly hang: true }
  | { readonly http: number };

const STYLES = new Set(['NONE', 'BOLD', 'ITALIC', 'SPOILER', 'STRIKETHROUGH', 'MONOSPACE']);
/** signal-cli's inline limit (ServiceConfig.MAX_MESSAGE_SIZE_BYTES). */
export const INLINE_LIMIT_BYTES = 2000;

const list = (v: unknown): unknown[] | undefined => (v === undefined || v === null ? undefined : Array.isArray(v) ? v : [v]);
const ids = (p: Person): string[] => [p.number, p.uuid].filter((x): x is string => x !== undefined);

/** How listGroups shapes members: since 0.14.1 (`isAdmin` per member), before (`admins` apart), or the oldest (strings). */
export type ListGroupsStyle = 'current' | 'legacy' | 'strings';

/** Everything the fake daemon knows. */
export class SignalState {
  readonly groups = new Map<string, FakeGroup>();
  /** Numbers and ACIs no longer registered with Signal. */
  readonly unregistered = new Set<string>();
  readonly sent: SentMessage[] = [];
  readonly violations: Violation[] = [];
  readonly calls: { method: string; params: Record<string, unknown> }[] = [];
  listGroupsStyle: ListGroupsStyle = 'current';
  version = '0.14.6';
  private readonly faults: { method: string; fault: SignalFault; left: number }[] = [];
  private lastTimestamp = 0;

  constructor(readonly account: string, readonly botUuid: string) {}

  /** A fresh message timestamp (Signal's message id), strictly increasing. */
  timestamp(): number {
    this.lastTimestamp = Math.max(this.lastTimestamp + 1, Date.now());
    return this.lastTimestamp;
  }

  /** The next `times` calls of `method` (`*`: any) answer `fault`. */
  failNext(method: string, fault: SignalFault, times = 1): void {
    this.faults.push({ method, fault, left: times });
  }

  /** Drops every queued fault. */
  clearFaults(): void { this.faults.length = 0; }

  private takeFault(method: string): SignalFault | undefined {
    const f = this.faults.find((x) => x.left > 0 && (x.method === method || x.method === '*'));
    if (!f) return undefined;
    f.left--;
    return f.fault;
  }

  /** Answers one request. */
  handle(method: string, params: Record<string, unknown>): Outcome {
    this.calls.push({ method, params });
    if (params.account !== undefined && params.account !== this.account) return { error: { code: -32602, message: 'Specified account does not exist', data: null } };
    const fault = this.takeFault(method);
    if (fault?.kind === 'hang') return { hang: true };
    if (fault?.kind === 'http') return { http: fault.status };
    switch (method) {
      case 'send': return this.send(params, fault);
      case 'listGroups': return fault ? { error: rpcErrorFor(fault, { recipients: [] }, this.timestamp()) } : { result: this.listGroups(params) };
      case 'version': return { result: { version: this.version } };
      default: return { error: { code: -32601, message: 'Method not implemented', data: null } };
    }
  }

  private violation(method: string, problem: string): void { this.violations.push({ method, problem }); }

  private send(params: Record<string, unknown>, fault: SignalFault | undefined): Outcome {
    const recipients = list(params.recipient);
    const groupIds = list(params.groupId);
    const message = typeof params.message === 'string' ? params.message : '';
    if ((recipients?.length ?? 0) + (groupIds?.length ?? 0) !== 1) {
      this.violation('send', 'exactly one recipient or group expected');
      if (!recipients && !groupIds) return { error: { code: -1, message: 'No recipients given', data: null } };
    }
    if (message === '') return { error: { code: -1, message: 'Sending empty message is not allowed, either a message, attachment or sticker must be given.', data: null } };
    const styles: SentStyle[] = [];
    for (const raw of list(params.textStyle) ?? list(params.textStyles) ?? []) {
      const m = typeof raw === 'string' ? /^(\d+):(\d+):(.+)$/.exec(raw) : null;
      if (!m) return { error: { code: -1, message: `Invalid textStyle syntax (${String(raw)}) expected 'start:length:STYLE'`, data: null } };
      if (!STYLES.has(m[3]!)) return { error: { code: -1, message: `Invalid style: ${m[3]!}`, data: null } };
      const start = Number(m[1]);
      const length = Number(m[2]);
      if (start + length > message.length || length === 0) this.violation('send', `style range ${raw} outside the text (${message.length} UTF-16 units)`);
      styles.push({ start, length, style: m[3]!, text: message.slice(start, start + length) });
    }
    const bytes = Buffer.byteLength(message, 'utf8');
    if (bytes > INLINE_LIMIT_BYTES) this.violation('send', `body of ${bytes} bytes would be sent as a long-text attachment`);
    const timestamp = this.timestamp();
    const groupId = groupIds?.[0] === undefined ? undefined : String(groupIds[0]);
    const recipient = recipients?.[0] === undefined ? undefined : String(recipients[0]);
    const group = groupId === undefined ? undefined : this.groups.get(groupId);
    const target: SendTarget = {
      ...(groupId === undefined ? {} : { groupId, groupName: group?.name ?? 'group' }),
      ...(recipient === undefined ? {} : { recipient }),
      recipients: group ? group.members.map((m) => m.person) : [{ ...(recipient?.startsWith('+') ? { number: recipient } : { uuid: recipient }) }],
    };
    if (fault) return { error: rpcErrorFor(fault, target, timestamp) };
    if (groupId !== undefined) {
      if (!group || !group.known) return { error: rpcErrorFor({ kind: 'groupNotFound' }, target, timestamp) };
      if (!group.botIsMember) return { error: rpcErrorFor({ kind: 'notAMember' }, target, timestamp) };
      if (group.permissionSendMessage === 'ONLY_ADMINS' && !group.botIsAdmin) return { error: rpcErrorFor({ kind: 'onlyAdmins' }, target, timestamp) };
    } else if (recipient !== undefined && this.unregistered.has(recipient)) {
      return { error: rpcErrorFor({ kind: recipient.startsWith('+') ? 'unregistered' : 'unregisteredResult' }, target, timestamp) };
    }
    const quote = typeof params.quoteTimestamp === 'number' ? { quoteTimestamp: params.quoteTimestamp } : {};
    this.sent.push({
      chatId: groupId ?? recipient ?? '', kind: groupId === undefined ? 'private' : 'group', text: message, styles, bytes, timestamp, at: Date.now(), ...quote,
    });
    return {
      result: {
        timestamp,
        results: target.recipients.map((p) => ({ recipientAddress: { uuid: p.uuid ?? null, number: p.number ?? null, username: null }, ...(groupId ? { groupId } : {}), type: 'SUCCESS' })),
      },
    };
  }

  private listGroups(params: Record<string, unknown>): unknown[] {
    const only = list(params.groupId)?.map(String);
    const self: Person = { number: this.account, uuid: this.botUuid };
    return [...this.groups.values()].filter((g) => g.known && (only === undefined || only.includes(g.id))).map((g) => {
      const everyone = [...g.members, ...(g.botIsMember ? [{ person: self, admin: g.botIsAdmin }] : [])];
      const address = (p: Person): unknown => (this.listGroupsStyle === 'strings' ? p.number ?? p.uuid : { number: p.number ?? null, uuid: p.uuid ?? null });
      const members = everyone.map((m) => (this.listGroupsStyle === 'current' ? { ...(address(m.person) as object), isAdmin: m.admin } : address(m.person)));
      return {
        id: g.id, name: g.name, description: '', isMember: g.botIsMember, isBlocked: g.blocked, messageExpirationTime: 0,
        members, pendingMembers: [], requestingMembers: [], admins: everyone.filter((m) => m.admin).map((m) => address(m.person)), banned: [],
        permissionAddMember: 'EVERY_MEMBER', permissionEditDetails: 'EVERY_MEMBER', permissionSendMessage: g.permissionSendMessage,
        groupInviteLink: null,
      };
    });
  }

  /** Whether `person` is (one of the ids of) a member of a group. */
  isMember(groupId: string, person: Person): boolean {
    const g = this.groups.get(groupId);
    return g !== undefined && g.members.some((m) => ids(m.person).some((id) => ids(person).includes(id)));
  }
}
