/**
 * zod schemas of the files in a campaign's content folder. Shapes only; the
 * cross-checks between files (ids that must exist, demands that must be
 * verbatim in their statement) live in `validate.ts`. The campaign's
 * own-voice fields (titles, summaries, notes, labels) are `localized`: a
 * text, or its translations `{en, ru, kk}`; quotes (demands, figures'
 * values and words, statement titles and texts, names) never are.
 */
import { z } from 'zod';
import { localized, type Resolved } from './localized.js';

/** The literal written in place of an author the source does not name. */
export const NOT_NAMED = 'not named in the source';
/** The literal written in place of a date the source does not give. */
export const UNDATED = 'undated';

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');
const nonEmpty = z.string().trim().min(1, 'must not be empty');

const isRealDay = (s: string): boolean => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** A full calendar date, YYYY-MM-DD, that exists. */
export const dayDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(isRealDay, 'is not a real calendar date');

/** A statement's date: a day, a month (YYYY-MM) or the word "undated". */
export const statementDate = z.union([
  dayDate,
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM-DD, YYYY-MM or "undated"'),
  z.literal(UNDATED),
]);

/** A topic tag that demands can carry (`/demands prisoners`). */
export const topicSchema = z.object({
  id,
  label: localized(nonEmpty),
  /** Other words people may type for this topic: one list, or a list per language (each matched in every language). */
  aliases: localized(z.array(nonEmpty)).prefault([]),
}).strict();

/** content/campaign.yaml */
export const campaignFileSchema = z.object({
  id,
  title: localized(nonEmpty),
  summary: localized(nonEmpty),
  /** IANA zone used when a chat has none. */
  timeZone: nonEmpty.refine((tz) => {
    try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
  }, 'is not a known IANA time zone'),
  /**
   * The language chats get when they chose none and their platform gives no
   * hint (`en`, `ru` or `kk`; English when left out). Own-voice fields
   * written without translations are in this language, and a translation
   * missing in a language falls back to it, then to English.
   */
  language: z.enum(['en', 'ru', 'kk'], { error: 'must be en, ru or kk' }).optional(),
  /** Local time reminders go out at by default, HH:MM. */
  reminderTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)'),
  /** Statement whose demands `/demands` shows first. */
  demandsFirst: id,
  topics: z.array(topicSchema).min(1),
  /**
   * Statement ids in the order every list shows them; statements not listed
   * follow, dated ones oldest first, then undated ones by id.
   */
  statementOrder: z.array(id).optional(),
  /**
   * The campaign's own call to action, closing every reminder when set: a
   * sentence in the campaign's voice, an optional link and hashtag.
   */
  callToAction: z.object({
    text: localized(nonEmpty.max(200)),
    link: z.string().url().refine((u) => /^https?:\/\//.test(u), 'must be an http(s) address').optional(),
    hashtag: z.string().regex(/^#[\p{L}\p{N}_]{1,60}$/u, 'must be one #word').optional(),
  }).strict().optional(),
}).strict();

/** Where an organisation's country comes from: stated by the source, or read from its name. */
export const COUNTRY_FROM = ['source', 'name'] as const;

/** One entry of content/organizations.yaml */
export const organizationSchema = z.object({
  id,
  /** Abbreviation as the source writes it (may be absent). */
  abbreviation: nonEmpty.optional(),
  /** Name exactly as the source writes it, typos included. */
  name: nonEmpty,
  /** English name as the source gives it, where it does. */
  englishName: nonEmpty.optional(),
  /**
   * Country in the source's spelling; absent when neither the source nor the
   * organisation's name states one.
   */
  country: nonEmpty.optional(),
  /**
   * Where `country` comes from: `source` (the statement states it) or `name`
   * (read from the organisation's name; shown as "Sweden (from its name)").
   * Taken as `source` when left out.
   */
  countryFrom: z.enum(COUNTRY_FROM, { error: 'must be source or name' }).optional(),
  note: localized(nonEmpty).optional(),
}).strict().refine((o) => o.countryFrom === undefined || o.country !== undefined, {
  path: ['countryFrom'],
  message: 'needs a country: remove countryFrom or add the country it is about',
});

/** content/organizations.yaml */
export const organizationsFileSchema = z.array(organizationSchema).min(1);

/** A demand, quoted verbatim from the statement body. */
export const demandSchema = z.object({
  text: nonEmpty,
  topics: z.array(id).default([]),
}).strict();

/** Front matter of content/statements/<id>.md */
export const statementFrontMatterSchema = z.object({
  id,
  title: nonEmpty,
  /** Short label a source is cited by ("SMK statement"); the full title where a statement is shown whole. */
  label: localized(nonEmpty.max(40)).optional(),
  /** Organisation id of the author, or NOT_NAMED. */
  author: z.union([z.literal(NOT_NAMED), id]),
  /** How the source names the author, or why it is not named. */
  authorNote: localized(nonEmpty).optional(),
  /**
   * Organisation id of who co-ordinated the statement, where the text says
   * so ("co-ordinated by … RISE"). Co-ordinating is not writing: the author
   * stays NOT_NAMED unless the text names one.
   */
  coordinatedBy: id.optional(),
  date: statementDate,
  dateNote: localized(nonEmpty).optional(),
  /** Where the text comes from and what was cleaned (never "seed": this is shown to people). */
  source: nonEmpty,
  /** Who published it, as the text itself names them (a letterhead, a signature); absent when it does not. */
  publisher: nonEmpty.optional(),
  /** A web address the text itself gives, as written ("www.skp.se"). */
  url: z.string().regex(/^(https?:\/\/)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u, 'must be a web address, e.g. www.example.org').optional(),
  /** Publication date as the text gives it: YYYY-MM-DD or YYYY-MM. */
  published: z.union([dayDate, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM-DD or YYYY-MM')]).optional(),
  /** How the text gives its publisher, address or publication date, and what it leaves open. */
  publishedNote: localized(nonEmpty).optional(),
  summary: localized(nonEmpty),
  signatories: z.object({
    asOf: dayDate.optional(),
    note: localized(nonEmpty).optional(),
    organizations: z.array(id).min(1),
  }).strict().optional(),
  /** Whose demands these are when not the author's own (quoted demands). */
  demandsBy: id.optional(),
  demandsNote: localized(nonEmpty).optional(),
  demands: z.array(demandSchema).default([]),
}).strict();

/** A figure (a count of killed, arrested…) with the statement that gives it. */
export const figureSchema = z.object({
  what: localized(nonEmpty),
  value: nonEmpty,
  source: id,
  /** The source's own words, verbatim from its body. */
  quote: nonEmpty,
  /**
   * When the source counted it, where that is not the event's own day:
   * `later` (a later day the source does not give) or the day it gives. A
   * reminder shows only figures of the day itself (or dated ones, marked
   * "by <day>"); the others stay with the event's details and notes.
   */
  counted: z.union([z.literal('later'), dayDate]).optional(),
}).strict();

/** One entry of content/events.yaml */
export const eventSchema = z.object({
  id,
  date: dayDate,
  title: localized(nonEmpty),
  /** Place named in reminders ("in Zhanaozen"). */
  place: localized(nonEmpty).optional(),
  summary: localized(nonEmpty),
  /**
   * A shorter form of the summary for reminders (two or three sentences,
   * from the statements, adding nothing), where the summary is too long.
   */
  reminder: localized(nonEmpty).optional(),
  /** Statement ids that report the event. */
  sources: z.array(id).min(1, 'must name at least one statement'),
  remind: z.boolean(),
  /** Where sources disagree, or where the date is public record but not in the sources. */
  note: localized(nonEmpty).optional(),
  figures: z.array(figureSchema).default([]),
  /** Topic ids whose demands relate to this event; the first is the one a reminder's "The demands" opens. */
  topics: z.array(id).default([]),
}).strict();

/** content/events.yaml */
export const eventsFileSchema = z.array(eventSchema).min(1);

/** campaign.yaml as parsed: own-voice fields still `Localized`. */
export type CampaignSource = z.output<typeof campaignFileSchema>;
/** One entry of organizations.yaml as parsed. */
export type OrganizationSource = z.output<typeof organizationSchema>;
/** A statement's front matter as parsed. */
export type StatementSource = z.output<typeof statementFrontMatterSchema>;
/** One entry of events.yaml as parsed. */
export type EventSource = z.output<typeof eventSchema>;

/** campaign.yaml in one language: every own-voice field a plain string. */
export type CampaignFile = Resolved<CampaignSource>;
export type OrganizationEntry = Resolved<OrganizationSource>;
export type StatementFrontMatter = Resolved<StatementSource>;
export type EventEntry = Resolved<EventSource>;
export type FigureEntry = Resolved<z.output<typeof figureSchema>>;
export type Topic = Resolved<z.output<typeof topicSchema>>;
