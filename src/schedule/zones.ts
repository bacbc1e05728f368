/**
 * Reading what people type for a reminder time and a time zone:
 * `08:30`, `8:30`, `europe/berlin`, `America/New York`, in any order.
 */
import type { OptionValues } from '../commands/types.js';
import { closest } from '../text/closest.js';
import { formatClockTime, isValidTimeZone, parseClockTime } from './calendar.js';

let byLowerCase: Map<string, string> | undefined;

/** Every IANA zone this runtime knows, plus UTC. */
export function knownTimeZones(): readonly string[] {
  return [...zoneIndex().values()];
}

function zoneIndex(): Map<string, string> {
  if (!byLowerCase) {
    byLowerCase = new Map();
    for (const zone of [...Intl.supportedValuesOf('timeZone'), 'UTC']) byLowerCase.set(zone.toLowerCase(), zone);
  }
  return byLowerCase;
}

/** Result of reading a time zone: the canonical name, or the closest names to suggest. */
export type ZoneLookup = { readonly zone: string } | { readonly suggestions: readonly string[] };

/**
 * Matches a typed zone case-insensitively (`europe/berlin` → `Europe/Berlin`;
 * spaces count as underscores). Other names the runtime accepts (aliases such
 * as `Etc/GMT-5`) are kept as the runtime spells them. On a miss, up to three
 * suggestions, closest first.
 */
export function resolveTimeZone(typed: string): ZoneLookup {
  const input = typed.trim().replace(/\s+/g, '_');
  if (!input || input.length > 64) return { suggestions: [] };
  const known = zoneIndex().get(input.toLowerCase());
  if (known) return { zone: known };
  if (isValidTimeZone(input)) return { zone: new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone };
  const zones = knownTimeZones();
  const direct = closest(input, zones);
  // "berlin" → Europe/Berlin: also compare with the city part alone.
  const cities = closest(input, zones.map((z) => z.slice(z.lastIndexOf('/') + 1)))
    .flatMap((city) => zones.filter((z) => z.endsWith(`/${city}`) || z === city));
  return { suggestions: [...new Set([...direct, ...cities])].slice(0, 3) };
}

/** `8:30` → `08:30`; undefined when not a time of day. */
export function normalizeClockTime(typed: string): string | undefined {
  const t = parseClockTime(typed);
  return t ? formatClockTime(t) : undefined;
}

/**
 * Splits argument text into `time` and `zone`, in either order. A word that
 * starts with a digit is taken for a time; the rest is the zone. Words
 * `time` and `zone` before a value are allowed (`/settings zone Europe/Berlin`).
 * Returns a reason (a string) when the text cannot be read.
 */
export function parseTimeAndZone(text: string): OptionValues | string {
  const words = text.trim().split(/\s+/).filter((w) => w.length > 0 && !/^(time|zone|timezone|tz)$/i.test(w));
  const times = words.filter((w) => /^\d/.test(w));
  const zone = words.filter((w) => !/^\d/.test(w)).join(' ');
  if (times.length > 1) return 'Give one reminder time';
  return { ...(times[0] ? { time: times[0] } : {}), ...(zone ? { zone } : {}) };
}
