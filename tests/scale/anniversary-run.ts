/**
 * One anniversary fan-out through a {@link ScaleRig}: the fake starts to
 * enforce the (scaled) limit, `chats` groups are subscribed in the slot due
 * now, the instances' next ticks pick them up; optionally one instance is
 * `kill -9`ed once a share of the chats was reached. Everything is counted
 * from what the fake accepted, as the platform would see it.
 */
import { groupChatIds, reminderKey, seedSubscriptions, unmarkedClaims } from './anniversary.js';
import type { ScaleRig } from './rig.js';

/** Options of {@link runAnniversary}. */
export interface AnniversaryOptions {
  readonly chats: number;
  /** Kill -9 the busiest instance once this share of the chats had its reminder (0–1); no kill when absent. */
  readonly killAt?: number;
  /** Give up after this long (the figures then show what was lost). */
  readonly timeoutMs?: number;
}

/** What the kill did. */
export interface KillFigures {
  readonly victim: string;
  /** Reminders accepted by the fake before the kill. */
  readonly acceptedBefore: number;
  /** Claims the victim held unmarked (its sends in flight), as the store showed them after the kill; undefined if unreadable. */
  readonly inFlight: number | undefined;
  /** Reminders sent again to those chats (and any other) after the kill: the doubles. */
  readonly duplicate: number;
  /** Seconds from the kill until the last chat had its reminder. */
  readonly recoverySeconds: number;
}

/** The figures of one fan-out. */
export interface AnniversaryFigures {
  readonly instances: number;
  readonly chats: number;
  readonly limitPerSecond: number;
  /** First to last accepted reminder. */
  readonly seconds: number;
  /** Accepted reminders per second over that span, as a share of the limit. */
  readonly share: number;
  /** The same before the kill (first accepted reminder to the kill); equals `share` without one. */
  readonly shareBeforeKill: number;
  /** The median second's accepted reminders over the limit (whole seconds between the first and the last): the steady rate, past pauses. */
  readonly steadyShare: number;
  /** sendMessage calls the fake answered 429 during the fan-out. */
  readonly tooManyRequests: number;
  /** sendMessage calls in all (accepted or not). */
  readonly attempts: number;
  readonly lost: number;
  /** Reminders beyond the first, summed over chats. */
  readonly duplicate: number;
  /** Reminders each instance sent (its metrics; a killed one's as last read). */
  readonly sentBy: Readonly<Record<string, number>>;
  readonly kill?: KillFigures;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** Runs the fan-out and returns its figures; the rig stays up (the instances still tick). */
export async function runAnniversary(rig: ScaleRig, options: AnniversaryOptions): Promise<AnniversaryFigures> {
  const { tg } = rig;
  const preseeded = rig.gate !== undefined;
  if (preseeded && rig.options.chats !== options.chats) throw new Error(`scale: the rig subscribed ${rig.options.chats ?? 0} chats, not ${options.chats}`);
  const ids = groupChatIds(options.chats);
  const wanted = new Set(ids.map(Number));
  const perChat = new Map<number, number>();
  const okAt: number[] = [];
  let cursor = tg.sent.length;
  const collect = (): void => {
    for (; cursor < tg.sent.length; cursor++) {
      const m = tg.sent[cursor]!;
      if (m.method !== 'sendMessage' || !wanted.has(m.chatId)) continue;
      perChat.set(m.chatId, (perChat.get(m.chatId) ?? 0) + 1);
      okAt.push(m.at);
    }
  };
  const sentBy: Record<string, number> = {};
  const readSent = async (): Promise<void> => {
    await Promise.all(rig.alive.map(async (i) => { sentBy[i.name] = (await i.sends().catch(() => ({} as Record<string, number>)))['sent'] ?? sentBy[i.name] ?? 0; }));
  };
  await readSent();
  const sentBefore = { ...sentBy };

  tg.setRateLimit({ perSecondTotal: rig.options.perSecond, perSecondPerChat: 1, perMinutePerGroup: 20 });
  const tooManyBefore = tg.stats.tooManyRequests;
  const attemptsBefore = tg.stats.byMethod['sendMessage'] ?? 0;
  // Held back until now (the chats subscribed before the instances started), or subscribed now.
  if (preseeded) await rig.gate!.open();
  else await seedSubscriptions(rig.options.storeUrl, ids, rig.slot);

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let kill: { victim: string; at: number; acceptedBefore: number; inFlight: Promise<number | undefined> } | undefined;
  while (perChat.size < ids.length && Date.now() < deadline) {
    await sleep(50);
    collect();
    if (options.killAt !== undefined && kill === undefined && perChat.size >= options.killAt * ids.length) {
      await readSent();
      // The busiest instance: with one send budget, the one driving the fan-out.
      const victim = rig.alive.reduce((a, b) => ((sentBy[b.name] ?? 0) - (sentBefore[b.name] ?? 0) > (sentBy[a.name] ?? 0) - (sentBefore[a.name] ?? 0) ? b : a));
      await victim.kill9();
      collect();
      kill = { victim: victim.name, at: Date.now(), acceptedBefore: perChat.size, inFlight: inFlightAfterKill(rig, ids) };
    }
  }
  // Doubles from a killed instance's claims come once they lapse: wait past the lease before counting.
  const settleUntil = Math.max(Date.now() + 2_000, kill ? kill.at + (rig.options.leaseMs ?? 10_000) + 3_000 : 0);
  while (Date.now() < settleUntil) { await sleep(100); collect(); }
  await readSent();
  tg.setRateLimit(null);

  const sorted = [...okAt].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const span = (sorted.at(-1) ?? first) - first;
  const firstFor = new Map<number, number>();
  for (const m of tg.sent) if (wanted.has(m.chatId) && !firstFor.has(m.chatId)) firstFor.set(m.chatId, m.at);
  const done = Math.max(0, ...firstFor.values());
  const shareOf = (n: number, ms: number): number => (ms > 0 ? round((n - 1) / (ms / 1000) / rig.options.perSecond) : 0);
  const duplicate = [...perChat.values()].reduce((n, c) => n + c - 1, 0);
  const beforeKill = kill ? sorted.filter((t) => t <= kill.at) : sorted;
  return {
    instances: rig.instances.length,
    chats: ids.length,
    limitPerSecond: rig.options.perSecond,
    seconds: round(span / 1000, 1),
    share: shareOf(sorted.length, span),
    shareBeforeKill: kill ? shareOf(beforeKill.length, kill.at - first) : shareOf(sorted.length, span),
    steadyShare: round(medianPerSecond(sorted) / rig.options.perSecond),
    tooManyRequests: tg.stats.tooManyRequests - tooManyBefore,
    attempts: (tg.stats.byMethod['sendMessage'] ?? 0) - attemptsBefore,
    lost: ids.length - perChat.size,
    duplicate,
    sentBy: Object.fromEntries(Object.entries(sentBy).map(([k, v]) => [k, v - (sentBefore[k] ?? 0)])),
    ...(kill ? {
      kill: {
        victim: kill.victim, acceptedBefore: kill.acceptedBefore, inFlight: await kill.inFlight, duplicate,
        recoverySeconds: round(Math.max(0, done - kill.at) / 1000, 1),
      },
    } : {}),
  };
}

/** The median count per whole second from the first instant to the last (the two partial seconds left out). */
function medianPerSecond(sorted: readonly number[]): number {
  const first = sorted[0];
  if (first === undefined) return 0;
  const perSecond: number[] = [];
  for (const t of sorted) { const s = Math.floor((t - first) / 1000); perSecond[s] = (perSecond[s] ?? 0) + 1; }
  const whole = Array.from(perSecond.slice(0, -1), (n) => n ?? 0).sort((a, b) => a - b);
  return whole.length === 0 ? 0 : whole[Math.floor(whole.length / 2)]!;
}

/**
 * The killed instance's sends in flight: reminder claims live and unmarked
 * both 1 s and 2.5 s after the kill (the survivors' own claims are marked or
 * released within milliseconds; the victim's stay until their lease lapses).
 * Undefined when the store could not be read (the figures then say so).
 */
async function inFlightAfterKill(rig: ScaleRig, ids: readonly string[]): Promise<number | undefined> {
  const ours = new Set(ids.map((id) => reminderKey(id, rig.slot)));
  try {
    await sleep(1_000);
    const first = await unmarkedClaims(rig.options.raw);
    await sleep(1_500);
    const second = await unmarkedClaims(rig.options.raw);
    return [...first].filter((k) => second.has(k) && ours.has(k)).length;
  } catch {
    return undefined;
  }
}
