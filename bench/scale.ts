/**
 * `npm run bench -- scale`: three `placard serve` processes behind a real
 * HAProxy on one store, a 10,000-chat anniversary against the loopback
 * Telegram fake enforcing a scaled limit (300 messages/s in all, 1/s per
 * chat; the instances' pacers are told the same through
 * PLACARD_TEST_TUNING). The rig is tests/scale's (see its README).
 *
 * - `broadcast_instances*`: a clean run on Redis: share of the limit
 *   achieved (accepted messages per second over the span from the first to
 *   the last, over the limit; target ≥ 0.95), 429s (target 0), lost and
 *   doubled (target 0).
 * - `broadcast_kill_*`: the same with `kill -9` of the busiest instance at
 *   40 %: doubles (target ≤ the sends it had in flight, also given), lost,
 *   seconds from the kill to the last chat.
 * - `broadcast_instances_postgres_*`: the clean run on Postgres.
 * - `npm run bench -- scale-30` (opt-in, about two minutes a run): the clean
 *   run at Telegram's real 30/s with 3,000 chats.
 *
 * Needs haproxy, redis-server and a local PostgreSQL (as tests/faults);
 * without them the figures are left out and the reason written to stderr.
 */
import { postgresUnavailable, PostgresDatabase } from '../tests/faults/postgres-db.js';
import { RedisServer, redisUnavailable } from '../tests/faults/redis-server.js';
import { runAnniversary, type AnniversaryFigures, type AnniversaryOptions } from '../tests/scale/anniversary-run.js';
import { haproxyUnavailable } from '../tests/scale/haproxy.js';
import { ScaleRig } from '../tests/scale/rig.js';

type StoreKind = 'redis' | 'postgres';

/** One fan-out on a fresh store and a fresh rig. */
async function once(kind: StoreKind, perSecond: number, options: AnniversaryOptions): Promise<AnniversaryFigures> {
  const redis = kind === 'redis' ? await RedisServer.start() : undefined;
  const pg = kind === 'postgres' ? await PostgresDatabase.create() : undefined;
  try {
    const storeUrl = redis?.url ?? pg!.url;
    const raw = redis ? { kind: 'redis' as const, port: redis.port } : { kind: 'postgres' as const, url: pg!.url };
    const rig = await ScaleRig.start({ storeUrl, raw, perSecond, chats: options.chats });
    try {
      return await runAnniversary(rig, options);
    } finally {
      await rig.close();
    }
  } finally {
    await redis?.dispose();
    await pg?.drop();
  }
}

/** The clean run's figures under `prefix`. */
const clean = (prefix: string, f: AnniversaryFigures): Record<string, number> => ({
  [prefix]: f.instances,
  [`${prefix}_chats`]: f.chats,
  [`${prefix}_limit_per_s`]: f.limitPerSecond,
  [`${prefix}_seconds`]: f.seconds,
  [`${prefix}_share`]: f.share,
  [`${prefix}_steady_share`]: f.steadyShare,
  [`${prefix}_429s`]: f.tooManyRequests,
  [`${prefix}_attempts`]: f.attempts,
  [`${prefix}_lost`]: f.lost,
  [`${prefix}_duplicate`]: f.duplicate,
});

/** Why the scale bench cannot run here, or undefined. */
const unavailable = (kinds: readonly StoreKind[]): string | undefined =>
  haproxyUnavailable ?? (kinds.includes('redis') ? redisUnavailable : undefined) ?? (kinds.includes('postgres') ? postgresUnavailable : undefined);

/** The scale figures: clean and kill runs on Redis, a clean run on Postgres. */
export async function benchScale(): Promise<Record<string, number>> {
  const why = unavailable(['redis']);
  if (why) { process.stderr.write(`scale bench skipped: ${why}\n`); return {}; }
  const out: Record<string, number> = clean('broadcast_instances', await once('redis', 300, { chats: 10_000 }));
  const killed = await once('redis', 300, { chats: 10_000, killAt: 0.4 });
  Object.assign(out, {
    broadcast_kill_duplicate: killed.duplicate,
    broadcast_kill_in_flight: killed.kill?.inFlight ?? -1,
    broadcast_kill_lost: killed.lost,
    broadcast_kill_429s: killed.tooManyRequests,
    broadcast_kill_share_before: killed.shareBeforeKill,
    broadcast_kill_recovery_s: killed.kill?.recoverySeconds ?? -1,
  });
  if (postgresUnavailable) process.stderr.write(`scale bench on Postgres skipped: ${postgresUnavailable}\n`);
  else Object.assign(out, clean('broadcast_instances_postgres', await once('postgres', 300, { chats: 10_000 })));
  return out;
}

/** Opt-in: the clean run at Telegram's own 30 messages/s (3,000 chats: about 100 s at the limit). */
export async function benchScaleAt30(): Promise<Record<string, number>> {
  const why = unavailable(['redis']);
  if (why) { process.stderr.write(`scale-30 bench skipped: ${why}\n`); return {}; }
  return clean('broadcast_instances_at_30', await once('redis', 30, { chats: 3_000, timeoutMs: 600_000 }));
}
