/**
 * The shapes of the Matrix client-server API (v3) that Placard reads, as the
 * spec defines them (https://spec.matrix.org/v1.11/client-server-api/): only
 * the fields used, every one optional where the spec allows it to be absent.
 */

/** A room event as `/sync` delivers it (client format, without `room_id`). */
export interface MatrixEvent {
  readonly type: string;
  readonly event_id?: string;
  readonly sender?: string;
  readonly origin_server_ts?: number;
  /** Present on state events only ('' for most room state). */
  readonly state_key?: string;
  readonly content?: Record<string, unknown>;
}

/** `rooms.join[roomId]` of a sync response. */
export interface JoinedRoom {
  readonly state?: { readonly events?: readonly MatrixEvent[] };
  readonly timeline?: { readonly events?: readonly MatrixEvent[]; readonly limited?: boolean };
}

/** `rooms.invite[roomId]`: the stripped state the inviter's server shares. */
export interface InvitedRoom {
  readonly invite_state?: { readonly events?: readonly MatrixEvent[] };
}

/** The body of a `GET /sync` answer. */
export interface SyncResponse {
  readonly next_batch: string;
  readonly rooms?: {
    readonly join?: Readonly<Record<string, JoinedRoom>>;
    readonly invite?: Readonly<Record<string, InvitedRoom>>;
    readonly leave?: Readonly<Record<string, unknown>>;
  };
}

/** `m.room.power_levels` content (every field optional; spec defaults applied by the reader). */
export interface PowerLevels {
  readonly users?: Readonly<Record<string, number>>;
  readonly users_default?: number;
  readonly events?: Readonly<Record<string, number>>;
  readonly events_default?: number;
  readonly state_default?: number;
}

/** The content of a message Placard sends: an `m.notice` with its HTML. */
export interface NoticeContent {
  readonly msgtype: 'm.notice';
  readonly body: string;
  readonly format: 'org.matrix.custom.html';
  readonly formatted_body: string;
  /** A rich reply to the command it answers (groups). */
  readonly 'm.relates_to'?: { readonly 'm.in_reply_to': { readonly event_id: string } };
}
