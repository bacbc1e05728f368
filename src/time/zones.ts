/**
 * Reading what people type for a reminder time and a time zone:
 * `08:30`, `8:30`, `europe/berlin`, `America/New York`, `Berlin`, `Москва`,
 * `UTC+3`, in any order.
 */
import { closest } from '../text/closest.js';
import { foldLoose } from '../text/fold.js';
import { formatClockTime, isValidTimeZone, parseClockTime } from './calendar.js';
import { CITY_NAMES } from './city-names.js';
import { etcZoneOffset, formatOffset, offsetZone, parseFixedOffset, zonesAtOffset } from './zone-offsets.js';

/**
 * Zones that IANA renamed but ICU (and so Node 20, 22 and 24, whose
 * `Intl.supportedValuesOf('timeZone')` and `resolvedOptions().timeZone` both
 * give the old spelling) still lists under the old name: old → current.
 * Both names stay valid time zones; the current one is what we list and suggest.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** The current IANA name of a zone (`Europe/Kiev` → `Europe/Kyiv`); other names unchanged. */
export function currentZoneName(zone: string): string {
  return RENAMED[zone] ?? zone;
}

interface ZoneIndex {
  /** Current names, sorted. */
  readonly known: readonly string[];
  /** Lower-cased name → name, for every name the runtime lists and every current name. */
  readonly byLowerCase: ReadonlyMap<string, string>;
  /** Folded city name → current zone: the city parts of zone names, then the table of city names. */
  readonly cities: ReadonlyMap<string, string>;
}

let index: ZoneIndex | undefined;

/** `New_York`, `new york`, `New-York` → `new york`; `Київ` → `київ`. */
const cityKey = (name: string): string => foldLoose(name.replace(/_/g, ' '));

function zoneIndex(): ZoneIndex {
  if (!index) {
    const runtime = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
    const known = [...new Set(runtime.map(currentZoneName))].filter(isValidTimeZone).sort();
    const byLowerCase = new Map<string, string>();
    for (const zone of [...runtime, ...known]) byLowerCase.set(zone.toLowerCase(), zone);
    const cities = new Map<string, string>();
    for (const zone of [...known, ...runtime]) {
      const key = cityKey(zone.slice(zone.lastIndexOf('/') + 1));
      if (key && !cities.has(key)) cities.set(key, currentZoneName(zone));
    }
    for (const [zone, names] of CITY_NAMES) for (const name of names) cities.set(cityKey(name), zone);
    index = { known, byLowerCase, cities };
  }
  return index;
}

/** Every IANA zone this runtime knows, by its current name (`Europe/Kyiv`), plus UTC; sorted. */
export function knownTimeZones(): readonly string[] {
  return zoneIndex().known;
}

/**
 * A sentence about a zone, as a catalog message and its variables: the
 * caller words it in the reader's language (`voice.t(m.id, m.args)`).
 */
export type ZoneMessage =
  | { readonly id: 'zone-read-as'; readonly args: { readonly typed: string; readonly zone: string } }
  | { readonly id: 'zone-etc' | 'zone-offset-saved'; readonly args: { readonly zone: string; readonly offset: string } }
  | { readonly id: 'zone-offset-now' | 'zone-offset-part' | 'zone-offset-none'; readonly args: { readonly offset: string } }
  | { readonly id: 'zone-name'; readonly args: { readonly zone: string } }
  | { readonly id: 'zone-with-offset'; readonly args: { readonly zone: string; readonly offset: string } };

/**
 * Result of reading a time zone: the zone to store, or the names to suggest.
 * `note`, when present, says what was chosen or why nothing was
 * (`zone-offset-saved`: “UTC+3 is saved as Etc/GMT-3 …”); show it to the user.
 */
export type ZoneLookup =
  | { readonly zone: string; readonly note?: ZoneMessage }
  | { readonly suggestions: readonly string[]; readonly note?: ZoneMessage };

/**
 * Reads a typed time zone, in this order:
 * - a fixed offset (`UTC+3`, `GMT+5`, `+03:00`, `UTC-05:30`): whole hours become
 *   `Etc/GMT∓N`; other offsets suggest the zones at that offset at `now`;
 * - an IANA name, any case, spaces for underscores (`europe/kyiv` → `Europe/Kyiv`);
 *   a valid name typed with capitals is kept as typed (`Europe/Kiev`, `US/Eastern`);
 * - a city, any case and accents, in the zone names or the table of city names
 *   (`Berlin`, `Москва`, `Astana` → `Asia/Almaty`).
 * On a miss, up to three suggestions, closest first.
 */
export function resolveTimeZone(typed: string, now: Date = new Date()): ZoneLookup {
  const raw = typed.trim();
  if (!raw || raw.length > 64) return { suggestions: [] };
  const offset = parseFixedOffset(raw);
  if (offset !== undefined) return fromOffset(offset, now);
  const { known, byLowerCase, cities } = zoneIndex();
  const input = raw.replace(/\s+/g, '_');
  const listed = byLowerCase.get(input.toLowerCase());
  if (listed) return named(listed);
  if (isValidTimeZone(input)) {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: input }).resolvedOptions().timeZone;
    return named(input !== input.toLowerCase() && input !== input.toUpperCase() ? input : currentZoneName(resolved));
  }
  const lastPart = raw.slice(raw.lastIndexOf('/') + 1);
  const city = cities.get(cityKey(raw)) ?? cities.get(cityKey(lastPart));
  if (city) return { zone: city, note: { id: 'zone-read-as', args: { typed: raw, zone: city } } };
  const direct = closest(input, known);
  const byCity = closest(cityKey(lastPart), [...cities.keys()]).map((key) => cities.get(key)!);
  return { suggestions: [...new Set([...direct, ...byCity])].slice(0, 3) };
}

/** A zone name found as such; `Etc/GMT-3` gets a note, its sign being reversed. */
function named(zone: string): ZoneLookup {
  const offset = etcZoneOffset(zone);
  return offset === undefined || offset === 0 ? { zone } : { zone, note: { id: 'zone-etc', args: { zone, offset: formatOffset(offset) } } };
}

function fromOffset(minutes: number, now: Date): ZoneLookup {
  const offset = formatOffset(minutes);
  const zone = offsetZone(minutes);
  if (zone === 'UTC') return { zone };
  if (zone) return { zone, note: { id: 'zone-offset-saved', args: { zone, offset } } };
  const at = zonesAtOffset(minutes, knownTimeZones(), now);
  if (at.length) return { suggestions: at.slice(0, 3), note: { id: 'zone-offset-now', args: { offset } } };
  // St John's is at UTC-3:30 in winter only: look half a year away too.
  const later = zonesAtOffset(minutes, knownTimeZones(), new Date(now.getTime() + 182 * 86_400_000));
  if (later.length) return { suggestions: later.slice(0, 3), note: { id: 'zone-offset-part', args: { offset } } };
  // No zone is there (UTC-5:30): offer the whole hours either side that exist.
  const near = [Math.floor(minutes / 60), Math.ceil(minutes / 60)].map((h) => h * 60)
    .filter((m, i, all) => all.indexOf(m) === i && offsetZone(m) !== undefined).map(formatOffset);
  return { suggestions: near, note: { id: 'zone-offset-none', args: { offset } } };
}

/** A saved zone as shown: `Etc/GMT-3` with its offset (`Etc/GMT-3 (UTC+3)`), other zones by name. */
export function describeTimeZone(zone: string): ZoneMessage {
  const offset = etcZoneOffset(zone);
  return offset === undefined ? { id: 'zone-name', args: { zone } } : { id: 'zone-with-offset', args: { zone, offset: formatOffset(offset) } };
}

/** `8:30` → `08:30`; undefined when not a time of day. */
export function normalizeClockTime(typed: string): string | undefined {
  const t = parseClockTime(typed);
  return t ? formatClockTime(t) : undefined;
}

/** Words that may stand before a time or a zone, in English, Russian and Kazakh. */
const KEYWORDS = /^(time|zone|timezone|tz|время|пояс|часовой|уақыт|белдеу|белдеуі)$/iu;

/** A reminder time and a zone as typed, either or both. */
export type TimeAndZoneText = { readonly time?: string; readonly zone?: string };

/** Why a text could not be read as a time and a zone: a catalog message id. */
export interface TimeAndZoneRefusal { readonly refused: 'zone-one-time' }

/**
 * Splits argument text into `time` and `zone`, in either order. A word that
 * starts with a digit is taken for a time; the rest is the zone (`UTC + 3` is
 * read as `UTC+3`, not as a time `3`). Words `time` and `zone` before a value
 * are allowed (`/settings zone Europe/Berlin`), and so are their Russian and
 * Kazakh words (`/settings время 08:30`, `/settings белдеу Europe/Berlin`).
 * Returns the reason's message id when the text cannot be read.
 */
export function parseTimeAndZone(text: string): TimeAndZoneText | TimeAndZoneRefusal {
  const glued = text.replace(/\b(UTC|GMT)\s*([+\-\u2212])\s*(?=\d)/gi, '$1$2');
  const words = glued.trim().split(/\s+/).filter((w) => w.length > 0 && !KEYWORDS.test(w));
  const times = words.filter((w) => /^\d/.test(w));
  const zone = words.filter((w) => !/^\d/.test(w)).join(' ');
  if (times.length > 1) return { refused: 'zone-one-time' };
  return { ...(times[0] ? { time: times[0] } : {}), ...(zone ? { zone } : {}) };
}
