/**
 * Which Discord scheduled events a server should show, and what each says:
 * pure over the campaign, the settings of the chat that speaks for the
 * server and the clock. One event per anniversary of a remembered event
 * (`remind: true`) in the next weeks, at most a few: an EXTERNAL event
 * (`entity_type` 3) whose place is the event's place (else the campaign's
 * title), named with the reminder's headline in the chat's language, from
 * the chat's reminder time on that day to the end of that local day.
 *
 * Discord's limits (docs, "Guild Scheduled Event"): `name` 1–100 characters,
 * `description` 1–1000, `entity_metadata.location` 1–100; EXTERNAL needs
 * `scheduled_end_time` and no `channel_id`; `privacy_level` 2 (GUILD_ONLY).
 * A start in the past is refused, so an anniversary whose hour has passed
 * today is not planned.
 */
import { createHash } from 'node:crypto';
import type { Campaign, CampaignEvent } from '../../src/content/campaign.js';
import { campaignIn } from '../../src/content/editions.js';
import { chatLanguage } from '../../src/schedule/subscriptions.js';
import { sharedTranslator, type Translator } from '../../src/i18n/translator.js';
import { voiceOf, type Voice } from '../../src/i18n/voice.js';
import { publicRecordNote } from '../../src/present/present.js';
import { reminderTitle, sourceLabels } from '../../src/present/reminder.js';
import { eventUrl } from '../../src/present/site-urls.js';
import type { ChatSettings } from '../../src/store/chat-settings.js';
import { anniversariesOn, dayFromNumber, dayNumber, localTime, parseClockTime, zonedInstant, type Day } from '../../src/time/calendar.js';

/** Discord's limits of a scheduled event's fields (characters). */
export const NAME_LIMIT = 100;
export const DESCRIPTION_LIMIT = 1000;
export const LOCATION_LIMIT = 100;

/** How far ahead the server's events reach, and how many at most. */
export const WINDOW_DAYS = 60;
export const MAX_EVENTS = 5;

/** One scheduled event as the server should show it. */
export interface PlannedEvent {
  /** `<campaign event id>:<year>`: the anniversary it stands for. */
  readonly key: string;
  readonly name: string;
  readonly description: string;
  readonly location: string;
  readonly start: Date;
  readonly end: Date;
}

/** What a plan is made from. */
export interface PlanInput {
  readonly campaign: Campaign;
  /** The settings of the chat that speaks for the server: its zone, reminder time and language. */
  readonly settings: ChatSettings;
  /** Events starting before this instant are not planned (Discord refuses a start in the past). */
  readonly from: Date;
  readonly translator?: Translator;
  /** `PUBLIC_URL`: the description links to the event on the campaign's page. */
  readonly publicUrl?: string;
  readonly windowDays?: number;
  readonly max?: number;
}

/** At most `max` characters, cut at a word with "…" when longer; line breaks kept. */
function cut(value: string, max: number): string {
  const text = value.trim();
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.search(/\s\S*$/u);
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}

/**
 * The description: the event's summary (its shorter reminder text when the
 * whole would not fit), the note where its date is public record but in no
 * statement, its sources by short label, and its page when `PUBLIC_URL` is
 * set — within Discord's 1,000 characters.
 */
export function eventDescription(voice: Voice, edition: Campaign, event: CampaignEvent, publicUrl?: string): string {
  const note = publicRecordNote(voice, edition, event);
  const url = eventUrl(publicUrl, voice.language, event.id);
  const tail = [
    ...(note === undefined ? [] : [note]),
    voice.t('reminder-sources', { sources: sourceLabels(edition, event.sources) }),
    ...(url === undefined ? [] : [voice.t('discord-event-more', { url })]),
  ].join('\n\n');
  const room = DESCRIPTION_LIMIT - tail.length - 2;
  const summary = event.summary.length <= room ? event.summary : event.reminder ?? event.summary;
  return cut(`${cut(summary, Math.max(1, room))}\n\n${tail}`, DESCRIPTION_LIMIT);
}

/** The local day `n` days after `day`. */
const plus = (day: Day, n: number): Day => dayFromNumber(dayNumber(day) + n);

/**
 * The scheduled events a server should show from `from` on: the next
 * anniversaries of remembered events within the window, soonest first, at
 * most `max`, in the settings' language, zone and reminder time.
 */
export function planEvents(input: PlanInput): PlannedEvent[] {
  const { campaign, settings } = input;
  const timeZone = settings.timeZone ?? campaign.meta.timeZone;
  const time = parseClockTime(settings.reminderTime ?? campaign.meta.reminderTime) ?? parseClockTime(campaign.meta.reminderTime)!;
  const language = chatLanguage(settings, { language: campaign.meta.language });
  const voice = voiceOf(input.translator ?? sharedTranslator(), language);
  const edition = campaignIn(campaign, language);
  const remembered = campaign.events.filter((e) => e.remind);
  const today = localTime(input.from, timeZone);
  const out: PlannedEvent[] = [];
  for (let n = 0; n <= (input.windowDays ?? WINDOW_DAYS) && out.length < (input.max ?? MAX_EVENTS); n += 1) {
    const day = plus(today, n);
    const start = zonedInstant(day, time, timeZone);
    if (start.getTime() < input.from.getTime()) continue;
    const end = zonedInstant(plus(day, 1), { hour: 0, minute: 0 }, timeZone);
    for (const { event, years } of anniversariesOn(remembered, day)) {
      if (out.length >= (input.max ?? MAX_EVENTS)) break;
      const e = edition.events.find((x) => x.id === event.id) ?? event;
      out.push({
        key: `${event.id}:${day.year}`,
        name: cut(reminderTitle(voice, e, years).replace(/\s+/g, ' '), NAME_LIMIT),
        description: eventDescription(voice, edition, e, input.publicUrl),
        location: cut((e.place ?? edition.meta.title).replace(/\s+/g, ' '), LOCATION_LIMIT),
        start,
        end,
      });
    }
  }
  return out;
}

/** The JSON of a create (or a full modify) of a planned event: EXTERNAL, members only. */
export interface EventBody {
  readonly name: string;
  readonly description: string;
  readonly privacy_level: 2;
  readonly entity_type: 3;
  readonly entity_metadata: { readonly location: string };
  readonly scheduled_start_time: string;
  readonly scheduled_end_time: string;
}

/** A planned event as Discord's request body. */
export function eventBody(p: PlannedEvent): EventBody {
  return {
    name: p.name,
    description: p.description,
    privacy_level: 2,
    entity_type: 3,
    entity_metadata: { location: p.location },
    scheduled_start_time: p.start.toISOString(),
    scheduled_end_time: p.end.toISOString(),
  };
}

/** A short hash of a body: what was last sent, to tell when the event must be modified. */
export const bodyHash = (body: EventBody): string => createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 24);
