/**
 * Fixed UTC offsets as people type them: `UTC+3`, `UTC-05:30`, `GMT+5`,
 * `+03:00`, `UTC −3`. They are stored as IANA `Etc/GMT…` zones, never as the
 * raw offset: Node ≥ 22 accepts `+03:00` as a time zone but Node 20 (which
 * the project supports) throws on it, so a subscription saved on one runtime
 * must still load on the other.
 */

/** Minutes east of UTC for a typed fixed offset (`UTC+5:30` → 330); undefined when the text is not one. */
export function parseFixedOffset(typed: string): number | undefined {
  const m = /^(?:UTC|GMT|Z)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(typed.trim());
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (minutes > 59) return undefined;
  return (m[1] === '+' ? 1 : -1) * (hours * 60 + minutes);
}

/**
 * The IANA zone that is always at `minutes` east of UTC, for whole hours from
 * UTC−12 to UTC+14; undefined otherwise.
 *
 * The sign is inverted on purpose: `Etc/GMT-3` is UTC+3. IANA kept the POSIX
 * TZ convention for these names, where the number is what you add to local
 * time to get UTC (3 hours ahead of UTC means "subtract 3").
 */
export function offsetZone(minutes: number): string | undefined {
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0 || minutes > 14 * 60 || minutes < -12 * 60) return undefined;
  const hours = minutes / 60;
  return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** Minutes east of UTC of an `Etc/GMT±N` zone (`Etc/GMT-3` → 180); undefined for any other name. */
export function etcZoneOffset(zone: string): number | undefined {
  const m = /^Etc\/GMT([+-])(\d{1,2})$/i.exec(zone);
  return m ? (m[1] === '-' ? 60 : -60) * Number(m[2]) : undefined;
}

/** `UTC+3`, `UTC-5:30`, `UTC` for minutes east of UTC (a plain `-`, so the text can be typed back). */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const mm = abs % 60;
  return `UTC${minutes > 0 ? '+' : '-'}${Math.floor(abs / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/** Minutes east of UTC of `zone` at `instant` (Intl's `longOffset`, e.g. `GMT+05:30`). */
export function zoneOffsetAt(zone: string, instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT([+\-\u2212])(\d{2}):(\d{2})$/.exec(name);
  if (!m) return 0;
  return (m[1] === '+' ? 1 : -1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The zones in `zones` whose offset at `instant` is `minutes`, in the order given. */
export function zonesAtOffset(minutes: number, zones: readonly string[], instant: Date): string[] {
  return zones.filter((z) => zoneOffsetAt(z, instant) === minutes);
}
