/** Rich-message pieces shared by several commands (how an organisation, a statement, a figure, a date reads). */
import type { Campaign, CampaignEvent, Organization, Statement } from '../content/campaign.js';
import type { Topic } from '../content/schema.js';
import { dayInStatements, inStatementOrder } from '../content/queries.js';
import { UNDATED } from '../content/schema.js';
import { bold, italic, paragraph, text } from '../rich/build.js';
import type { Block, Span } from '../rich/model.js';
import type { Piece } from './pages.js';
import { countryText } from '../text/countries.js';
import type { RichArgs, Voice } from '../i18n/voice.js';

/**
 * "UC — Unité Communiste (Communist United), France", the country in the
 * voice's language ("…, Франция"); a country read from the name says so:
 * "…, Germany (from its name)". Names as the source writes them.
 */
export function organizationSpans(voice: Voice, org: Organization): Span[] {
  const parts: Span[] = [];
  if (org.abbreviation) parts.push(bold(org.abbreviation), text(' — '));
  parts.push(org.abbreviation ? text(org.name) : bold(org.name));
  if (org.englishName && org.englishName !== org.name) parts.push(text(` (${org.englishName})`));
  const country = countryText(org, voice);
  if (country) parts.push(text(`, ${country}`));
  return parts;
}

/** Short name: abbreviation, else name. */
export const shortName = (org: Organization): string => org.abbreviation ?? org.name;

/**
 * Catalog message `id` as spans, where `lists` variables are runs of spans
 * (commands joined by ", ") placed where the language puts them.
 */
export function richWith(voice: Voice, id: string, args: RichArgs, lists: Readonly<Record<string, readonly Span[]>>): Span[] {
  const markers = new Map<Span, readonly Span[]>();
  const all: Record<string, RichArgs[string]> = { ...args };
  for (const [name, spans] of Object.entries(lists)) {
    const marker = text(name);
    markers.set(marker, spans);
    all[name] = marker;
  }
  return voice.rich(id, all).flatMap((s) => markers.get(s) ?? [s]);
}

/** Spans joined with ", ": "/demands smk, /demands icor". */
export const joined = (spans: readonly Span[]): Span[] => spans.flatMap((s, i) => (i ? [text(', '), s] : [s]));

/** "Did you mean /signatories France, /signatories UC?" — empty when there is no guess. */
export const didYouMean = (voice: Voice, guesses: readonly Span[]): Span[] =>
  (guesses.length ? richWith(voice, 'content-did-you-mean', {}, { guesses: joined(guesses) }) : []);

/**
 * The note an answer that quotes carries once, in the reader's language:
 * demands, figures and statement texts are quoted in the original. None in
 * English, the language the shipped campaign's quotes are in.
 */
export function quotedInOriginal(voice: Voice): Block[] {
  return voice.language === 'en' ? [] : [paragraph(italic(voice.t('quoted-in-original')))];
}

/** An organisation's name with its English name where the source gives a different one. */
const fullName = (a: Organization): string => (a.englishName && a.englishName !== a.name ? `${a.name} (${a.englishName})` : a.name);

/** Who wrote a statement, honest when the source does not say (with the note on how the source names its author). */
export function authorText(voice: Voice, statement: Statement): string {
  if (statement.author) return fullName(statement.author);
  const none = voice.t('content-author-not-named');
  return statement.authorNote ? `${none} (${statement.authorNote})` : none;
}

/** Who co-ordinated a statement, where the text says so ("RISE"); undefined otherwise. */
export const coordinatorText = (s: Statement): string | undefined => (s.coordinatedBy ? fullName(s.coordinatedBy) : undefined);

/** Who wrote a statement, in a few words: "SKP", "Socialist Movement of Kazakhstan", "co-ordinated by RISE, author not named". */
export function authorShort(voice: Voice, s: Statement): string {
  if (s.author) return shortName(s.author);
  return s.coordinatedBy ? voice.t('author-coordinated-not-named', { coordinator: shortName(s.coordinatedBy) }) : voice.t('author-not-named');
}

/** "21 January 2022", "February 2022" or "undated" (with the publication date the text gives, if any). */
export function dateShort(voice: Voice, s: Statement): string {
  if (s.date !== UNDATED) return voice.contentDate(s.date);
  return s.published ? voice.t('date-undated-published', { published: voice.contentDate(s.published) }) : voice.t('date-undated');
}

/**
 * What the text itself says of where and when it was published: publisher,
 * address (as written), date and the note on how it gives them. Empty when
 * the content carries none of it.
 */
export function publicationSpans(voice: Voice, s: Statement): Span[][] {
  const lines: Span[][] = [];
  if (s.publisher) lines.push([label(voice, 'content-label-published-by'), text(s.publisher)]);
  if (s.url) lines.push([label(voice, 'content-label-address'), text(s.url)]);
  if (s.published) lines.push([label(voice, 'content-label-published'), text(voice.contentDate(s.published))]);
  if (s.publishedNote) lines.push([italic(s.publishedNote)]);
  return lines;
}

/** "21 January 2022", "February 2022" or "undated", with the date note when there is one. */
export function dateText(voice: Voice, statement: Statement): string {
  return statement.dateNote ? `${dateShort(voice, statement)} — ${statement.dateNote}` : dateShort(voice, statement);
}

/** A bold label before a value: "Author: ". */
export const label = (voice: Voice, id: string): Span => bold(`${voice.t(id)} `);

/** Ends `s` with a full stop unless it already ends with punctuation. */
export const sentence = (s: string): string => (/[.!?…)"”]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

/** Sources texts of frozen id lists (an event's sources), per campaign edition: /next and /today wrote them on every call. */
const sourcesKept = new WeakMap<Campaign, WeakMap<readonly string[], string>>();

/** The short labels of statements, as the sources of a fact, in the campaign's order: "SMK statement, ICOR resolution". */
export function sourcesText(campaign: Campaign, ids: readonly string[]): string {
  if (!Object.isFrozen(campaign) || !Object.isFrozen(ids)) return labelsInOrder(campaign, ids);
  let byIds = sourcesKept.get(campaign);
  if (byIds === undefined) sourcesKept.set(campaign, (byIds = new WeakMap()));
  let text = byIds.get(ids);
  if (text === undefined) byIds.set(ids, (text = labelsInOrder(campaign, ids)));
  return text;
}

const labelsInOrder = (campaign: Campaign, ids: readonly string[]): string =>
  inStatementOrder(campaign, ids).map((id) => campaign.statementById.get(id)?.label ?? id).join(', ');

/** A figure line: value and what, then the source's own words and the source's short label. */
export function figureSpans(voice: Voice, campaign: Campaign, event: CampaignEvent, index: number): Span[] {
  return figureGroupSpans(voice, campaign, [event.figures[index]!]);
}

/**
 * One line for figures that one quote of one statement gives: each value and
 * what it counts, then the quote once (as published) and the source's short label.
 */
export function figureGroupSpans(voice: Voice, campaign: Campaign, figures: readonly CampaignEvent['figures'][number][]): Span[] {
  const f = figures[0]!;
  const source = sourcesText(campaign, [f.source]);
  const cited = f.counted === undefined ? voice.t('figure-source', { source })
    : f.counted === 'later' ? voice.t('figure-source-counted-later', { source })
      : voice.t('figure-source-counted-by', { source, day: voice.contentDate(f.counted) });
  return [bold(figures.map((g) => `${g.value} ${g.what}`).join('; ')), text(` — “${f.quote}” (${cited})`)];
}

/**
 * An event's figures grouped by the statement and quote that give them: the
 * statements in the campaign's order, one statement's quotes in the content's.
 */
export function figuresByQuote(campaign: Campaign, event: CampaignEvent): CampaignEvent['figures'][number][][] {
  const groups = new Map<string, CampaignEvent['figures'][number][]>();
  for (const f of event.figures) {
    const key = `${f.source}\n${f.quote}\n${f.counted ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const order = inStatementOrder(campaign, [...new Set(event.figures.map((f) => f.source))]);
  return [...groups.values()].sort((a, b) => order.indexOf(a[0]!.source) - order.indexOf(b[0]!.source));
}

/**
 * Words that depend only on a frozen event (and its campaign's statements) and the voice, kept per event and voice:
 * /next, /today and /timeline wrote the same date and button label on every call (a Fluent message and ICU formats each).
 */
const eventWords = new WeakMap<CampaignEvent, WeakMap<Voice, { statements?: object; date?: string; label?: string }>>();

function wordsOf(voice: Voice, event: CampaignEvent): { statements?: object; date?: string; label?: string } | undefined {
  if (!Object.isFrozen(event)) return undefined;
  let byVoice = eventWords.get(event);
  if (byVoice === undefined) eventWords.set(event, (byVoice = new WeakMap()));
  let words = byVoice.get(voice);
  if (words === undefined) byVoice.set(voice, (words = {}));
  return words;
}

/** An event's date, saying briefly when its day is public record but in none of its statements. */
export function eventDate(voice: Voice, campaign: Campaign, event: CampaignEvent): string {
  const words = wordsOf(voice, event);
  if (words?.date !== undefined && words.statements === campaign.statementById) return words.date;
  const date = dayInStatements(campaign, event) ? voice.day(event) : voice.t('event-day-not-in-statements', { day: voice.day(event) });
  if (words !== undefined) { words.statements = campaign.statementById; words.date = date; }
  return date;
}

/** "The date, 16 December 2011, is public record; the statements do not give it." — or undefined when a statement gives the day. */
export function publicRecordNote(voice: Voice, campaign: Campaign, event: CampaignEvent): string | undefined {
  return dayInStatements(campaign, event) ? undefined : voice.t('event-public-record', { day: voice.day(event) });
}

/** Longest button label (Discord allows 80, but a phone row shows about this much). */
export const MAX_LABEL = 30;

/** A button label of at most 30 characters, cut at a word with "…" when longer. */
export function buttonLabel(value: string): string {
  if (value.length <= MAX_LABEL) return value;
  const cut = value.slice(0, MAX_LABEL - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_LABEL / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:—–-]+$/u, '')}…`;
}

/** An event's button: "4 Jan 2022: Oil workers at…" in the voice's language. */
export function eventLabel(voice: Voice, e: CampaignEvent): string {
  const words = wordsOf(voice, e);
  if (words?.label !== undefined) return words.label;
  const label = buttonLabel(`${voice.shortDay(e)}: ${e.title}`);
  if (words !== undefined) words.label = label;
  return label;
}

/** Statements with demands, the campaign's featured one first. */
export function withDemands(campaign: Campaign): Statement[] {
  const all = campaign.statements.filter((s) => s.demands.length > 0);
  const first = all.filter((s) => s.id === campaign.meta.demandsFirst);
  return [...first, ...all.filter((s) => s.id !== campaign.meta.demandsFirst)];
}

/**
 * A topic's button: the catalog's short name for it where there is one
 * (`topic-<id>`: "Prisoners"), else its label from the content, cut to fit.
 */
export function topicLabel(voice: Voice, t: Topic): string {
  const id = `topic-${t.id}`;
  const short = voice.t(id);
  return buttonLabel(short === id ? t.label : short);
}

/** Who wrote or co-ordinated a statement, when, and where it comes from: the lines /statement and /sources share. */
export function provenancePieces(voice: Voice, s: Statement): Piece[] {
  return [
    { block: paragraph(label(voice, 'content-label-author'), authorText(voice, s)) },
    ...(s.author && s.authorNote ? [{ block: paragraph(italic(s.authorNote)) }] : []),
    ...(s.coordinatedBy ? [{ block: paragraph(label(voice, 'content-label-coordinated'), coordinatorText(s) ?? '') }] : []),
    { block: paragraph(label(voice, 'content-label-date'), dateText(voice, s)) },
    { block: paragraph(label(voice, 'content-label-source'), s.source) },
    ...publicationSpans(voice, s).map((spans): Piece => ({ block: paragraph(...spans) })),
  ];
}

/**
 * "Signatories: 31 as of 21 January 2022" — how many organisations signed,
 * and as of when where the list says so.
 */
export function signatoryCountSpans(voice: Voice, signed: NonNullable<Statement['signatories']>): Span[] {
  const count = voice.number(signed.organizations.length);
  return [label(voice, 'content-label-signatories'),
    text(signed.asOf ? voice.t('content-signatories-as-of', { count, date: voice.contentDate(signed.asOf) }) : count)];
}
