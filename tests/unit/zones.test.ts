/** Reading typed time zones: IANA names (renamed ones too), fixed offsets, city names in several scripts. */
import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localTime } from '../../src/time/calendar.js';
import { CITY_NAMES } from '../../src/time/city-names.js';
import { etcZoneOffset, formatOffset, offsetZone, parseFixedOffset, zoneOffsetAt } from '../../src/time/zone-offsets.js';
import { currentZoneName, describeTimeZone, knownTimeZones, parseTimeAndZone, resolveTimeZone, type ZoneLookup, type ZoneMessage } from '../../src/time/zones.js';
import { zoneText } from '../../src/commands/subscribe.js';
import { voice } from '../helpers/core.js';

/** A zone sentence as the English catalog words it; undefined when there is none. */
const say = (m: ZoneMessage | undefined, language: 'en' | 'ru' | 'kk' = 'en'): string | undefined => (m ? zoneText(voice(language), m) : undefined);
const zoneOf = (lookup: ZoneLookup): string | undefined => ('zone' in lookup ? lookup.zone : undefined);
const suggestionsOf = (lookup: ZoneLookup): readonly string[] => ('suggestions' in lookup ? lookup.suggestions : []);
const WINTER = new Date('2026-12-16T04:00:00Z');
const SUMMER = new Date('2026-07-01T12:00:00Z');

describe('IANA names, renamed ones included', () => {
  it('keeps Europe/Kyiv as typed, though ICU canonicalises it to Europe/Kiev', () => {
    expect(zoneOf(resolveTimeZone('Europe/Kyiv'))).toBe('Europe/Kyiv');
    expect(zoneOf(resolveTimeZone('europe/kyiv'))).toBe('Europe/Kyiv');
    expect(zoneOf(resolveTimeZone('Europe/Kiev'))).toBe('Europe/Kiev'); // a valid name the user gave: kept
    expect(isValidTimeZone('Europe/Kyiv')).toBe(true);
  });

  it('lists and suggests current names only, each one valid on this runtime', () => {
    const zones = knownTimeZones();
    for (const [old, now] of [['Europe/Kiev', 'Europe/Kyiv'], ['Asia/Calcutta', 'Asia/Kolkata'], ['Asia/Saigon', 'Asia/Ho_Chi_Minh'], ['America/Godthab', 'America/Nuuk']]) {
      expect(zones).toContain(now);
      expect(zones).not.toContain(old);
      expect(currentZoneName(old!)).toBe(now);
    }
    expect(zones).toContain('UTC');
    expect(zones.filter((z) => !isValidTimeZone(z))).toEqual([]);
    expect(new Set(zones).size).toBe(zones.length);
    expect(suggestionsOf(resolveTimeZone('Europe/Kyv'))).toContain('Europe/Kyiv');
  });

  it('reads other names in any case and spaces for underscores', () => {
    expect(zoneOf(resolveTimeZone('america/new york'))).toBe('America/New_York');
    expect(zoneOf(resolveTimeZone('UTC'))).toBe('UTC');
    expect(zoneOf(resolveTimeZone('US/Eastern'))).toBe('US/Eastern');
    expect(zoneOf(resolveTimeZone('us/eastern'))).toBe('America/New_York');
    expect(suggestionsOf(resolveTimeZone('Europe/Berln'))[0]).toBe('Europe/Berlin');
    expect(suggestionsOf(resolveTimeZone('Mars/Olympus_Mons'))).toEqual([]);
    expect(suggestionsOf(resolveTimeZone(''))).toEqual([]);
    expect(suggestionsOf(resolveTimeZone('x'.repeat(65)))).toEqual([]);
  });
});

describe('fixed offsets', () => {
  it('whole hours become Etc/GMT zones with the sign reversed, and the note says so', () => {
    for (const typed of ['UTC+3', 'utc+3', 'GMT+3', '+03:00', '+0300', '+3', 'UTC +3', 'GMT +03:00']) {
      const found = resolveTimeZone(typed);
      expect(zoneOf(found), typed).toBe('Etc/GMT-3');
      expect(say(found.note)).toContain('UTC+3 is saved as Etc/GMT-3');
    }
    expect(zoneOf(resolveTimeZone('GMT+5'))).toBe('Etc/GMT-5');
    expect(zoneOf(resolveTimeZone('UTC-5'))).toBe('Etc/GMT+5');
    expect(zoneOf(resolveTimeZone('UTC\u22125'))).toBe('Etc/GMT+5');
    expect(zoneOf(resolveTimeZone('UTC+14'))).toBe('Etc/GMT-14');
    expect(zoneOf(resolveTimeZone('UTC-12'))).toBe('Etc/GMT+12');
    expect(zoneOf(resolveTimeZone('UTC+0'))).toBe('UTC');
    // The chosen zone really is at that offset, on Node 20 as on later ones.
    expect(localTime(WINTER, 'Etc/GMT-3').hour).toBe(7);
    expect(localTime(WINTER, 'Etc/GMT+5').hour).toBe(23);
  });

  it('offsets that are not whole hours suggest the zones at that offset, or the whole hours either side', () => {
    const india = resolveTimeZone('UTC+05:30', WINTER);
    expect(suggestionsOf(india)).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Colombo']));
    expect(say(india.note)).toContain('not a whole hour');
    expect(say(india.note, 'ru')).toContain('не на целое число часов');
    expect(suggestionsOf(resolveTimeZone('UTC+5:45', WINTER))).toEqual(['Asia/Kathmandu']);
    // Newfoundland is at UTC-3:30 in winter only.
    expect(suggestionsOf(resolveTimeZone('UTC-3:30', SUMMER))).toEqual(['America/St_Johns']);
    const none = resolveTimeZone('UTC-05:30', WINTER);
    expect(suggestionsOf(none)).toEqual(['UTC-6', 'UTC-5']);
    expect(say(none.note)).toBe('No time zone is at UTC-5:30.');
    expect(say(none.note, 'ru')).toBe('Нет часового пояса со смещением UTC-5:30.');
    expect(say(none.note, 'kk')).toBe('UTC-5:30 ығысуы бар уақыт белдеуі жоқ.');
    for (const s of suggestionsOf(none)) expect(zoneOf(resolveTimeZone(s))).toMatch(/^Etc\/GMT\+[56]$/);
    expect(suggestionsOf(resolveTimeZone('UTC-13'))).toEqual([]);
  });

  it('offset helpers agree with Intl', () => {
    expect(parseFixedOffset('UTC-05:30')).toBe(-330);
    expect(parseFixedOffset('Europe/Berlin')).toBeUndefined();
    expect(parseFixedOffset('+03:75')).toBeUndefined();
    for (let h = -12; h <= 14; h++) {
      const zone = offsetZone(h * 60)!;
      expect(zoneOffsetAt(zone, WINTER), zone).toBe(h * 60);
      if (h !== 0) expect(etcZoneOffset(zone)).toBe(h * 60);
    }
    expect(offsetZone(15 * 60)).toBeUndefined();
    expect(zoneOffsetAt('Asia/Kolkata', WINTER)).toBe(330);
    expect(formatOffset(-330)).toBe('UTC-5:30');
    expect(say(describeTimeZone('Etc/GMT-3'))).toBe('Etc/GMT-3 (UTC+3)');
    expect(say(describeTimeZone('Europe/Berlin'))).toBe('Europe/Berlin');
    expect(say(resolveTimeZone('Etc/GMT-3').note)).toContain('Etc/GMT-3 is UTC+3');
    expect(say(resolveTimeZone('Etc/GMT-3').note, 'kk')).toContain('Etc/GMT-3 — жыл бойы UTC+3');
  });
});

describe('city names', () => {
  it.each([
    ['Berlin', 'Europe/Berlin'], ['berlin', 'Europe/Berlin'], ['Берлин', 'Europe/Berlin'],
    ['Almaty', 'Asia/Almaty'], ['Алматы', 'Asia/Almaty'],
    ['Moscow', 'Europe/Moscow'], ['Москва', 'Europe/Moscow'], ['МОСКВА', 'Europe/Moscow'], ['Мәскеу', 'Europe/Moscow'],
    ['Kyiv', 'Europe/Kyiv'], ['Kiev', 'Europe/Kyiv'], ['Київ', 'Europe/Kyiv'], ['Киев', 'Europe/Kyiv'],
    ['New York', 'America/New_York'], ['new-york', 'America/New_York'], ['Нью-Йорк', 'America/New_York'],
    ['Astana', 'Asia/Almaty'], ['Астана', 'Asia/Almaty'], ['Nur-Sultan', 'Asia/Almaty'], ['Asia/Astana', 'Asia/Almaty'],
    ['Zhanaozen', 'Asia/Aqtau'], ['Жаңаөзен', 'Asia/Aqtau'], ['Kostanay', 'Asia/Qostanay'],
    // Where the campaign's people live, as they write it in Russian and Kazakh.
    ['Шымкент', 'Asia/Almaty'], ['Караганда', 'Asia/Almaty'], ['Қарағанды', 'Asia/Almaty'], ['Актау', 'Asia/Aqtau'], ['Ақтау', 'Asia/Aqtau'],
    ['Жанаозен', 'Asia/Aqtau'], ['Атырау', 'Asia/Atyrau'], ['Актобе', 'Asia/Aqtobe'], ['Ақтөбе', 'Asia/Aqtobe'], ['Уральск', 'Asia/Oral'],
    ['Орал', 'Asia/Oral'], ['Париж', 'Europe/Paris'], ['Лондон', 'Europe/London'], ['Стамбул', 'Europe/Istanbul'], ['Ыстамбұл', 'Europe/Istanbul'],
    ['Ташкент', 'Asia/Tashkent'], ['Бишкек', 'Asia/Bishkek'], ['Бішкек', 'Asia/Bishkek'],
    ['Calcutta', 'Asia/Kolkata'], ['Lomé', 'Africa/Lome'], ['sao paulo', 'America/Sao_Paulo'], ['Кишинев', 'Europe/Chisinau'],
  ])('%s → %s, and says so', (typed, zone) => {
    const found = resolveTimeZone(typed);
    expect(zoneOf(found)).toBe(zone);
    expect(found.note).toEqual({ id: 'zone-read-as', args: { typed, zone } });
    expect(say(found.note)).toBe(`“${typed}” → ${zone}.`);
    expect(say(found.note, 'ru')).toBe(`«${typed}» → ${zone}.`);
  });

  it('Astana is Asia/Almaty: UTC+5 today, like all of Kazakhstan since March 2024', () => {
    expect(zoneOffsetAt('Asia/Almaty', WINTER)).toBe(300);
    expect(zoneOffsetAt('Asia/Almaty', SUMMER)).toBe(300);
    expect(zoneOffsetAt('Asia/Qostanay', WINTER)).toBe(300);
  });

  it('suggests cities for a misspelt one', () => {
    expect(suggestionsOf(resolveTimeZone('Berln'))).toContain('Europe/Berlin');
    expect(suggestionsOf(resolveTimeZone('Масква'))).toContain('Europe/Moscow');
  });

  it('the table names valid zones, and no name twice', () => {
    const seen = new Map<string, string>();
    for (const [zone, names] of CITY_NAMES) {
      expect(isValidTimeZone(zone), zone).toBe(true);
      expect(currentZoneName(zone), zone).toBe(zone);
      for (const name of names) {
        const key = name.toLocaleLowerCase('en');
        expect(seen.get(key), name).toBeUndefined();
        seen.set(key, zone);
      }
    }
  });
});

describe('time and zone in one text', () => {
  it('reads an offset with spaces as the zone, not as a time', () => {
    expect(parseTimeAndZone('UTC + 3 08:00')).toEqual({ time: '08:00', zone: 'UTC+3' });
    expect(parseTimeAndZone('8:30 gmt -5')).toEqual({ time: '8:30', zone: 'gmt-5' });
    expect(parseTimeAndZone('08:30 +03:00')).toEqual({ time: '08:30', zone: '+03:00' });
    expect(parseTimeAndZone('zone New York 07:00')).toEqual({ time: '07:00', zone: 'New York' });
  });

  it('takes the Russian and Kazakh words for time and zone, and refuses two times with a message id', () => {
    expect(parseTimeAndZone('время 08:30 часовой пояс Москва')).toEqual({ time: '08:30', zone: 'Москва' });
    expect(parseTimeAndZone('уақыт 07:00 белдеу Ақтау')).toEqual({ time: '07:00', zone: 'Ақтау' });
    expect(parseTimeAndZone('08:00 09:00')).toEqual({ refused: 'zone-one-time' });
  });
});
