/**
 * What each content field means, for people: a sentence and an example per
 * field. The field list itself (names, required or optional, types) comes
 * from the zod schemas in `schema.ts`; this file only explains. A test fails
 * when a schema field has no entry here, so a new field is documented as it
 * is added. Paths use `[]` for "each entry of the list": `topics[].label`.
 * Which fields may be translated the schemas say (`localized`); the tables
 * show them as "text, or one per language".
 */

/** A field's explanation and one example value, as it would be written in YAML. */
export interface FieldDoc {
  readonly about: string;
  readonly example?: string;
}

type Docs = Readonly<Record<string, FieldDoc>>;

const campaign: Docs = {
  id: { about: 'The campaign\'s id: lower-case letters, digits and dashes.', example: 'kazakhstan-2022' },
  title: { about: 'The campaign\'s name, as the bot shows it.', example: 'Solidarity with the workers of Kazakhstan (January 2022)' },
  summary: { about: 'Two or three sentences in the campaign\'s own voice: what it is about.', example: 'The international solidarity campaign with …' },
  timeZone: { about: 'IANA time zone used for a chat that set none.', example: 'Asia/Almaty' },
  language: { about: 'The language (`en`, `ru` or `kk`) of a chat that chose none and whose platform gives no hint, and of own-voice fields written without translations; English when left out.', example: 'ru' },
  reminderTime: { about: 'Local time reminders go out at by default, HH:MM (24-hour), in quotes.', example: '"09:00"' },
  demandsFirst: { about: 'Id of the statement whose demands `/demands` shows first.', example: 'smk-statement' },
  topics: { about: 'Topic tags that demands and events carry (`/demands prisoners`).' },
  'topics[].id': { about: 'The topic\'s id.', example: 'prisoners' },
  'topics[].label': { about: 'The topic\'s name as the bot shows it.', example: 'Release of political prisoners' },
  'topics[].aliases': { about: 'Other words people may type for this topic: one list, or a list per language. Every language\'s words find the topic in every language.', example: '[prisoner, detainees, release]' },
  statementOrder: { about: 'Statement ids in the order every list shows them; the others follow, oldest first.', example: '[smk-statement, icor-resolution]' },
  callToAction: { about: 'The campaign\'s own call to action, closing every reminder.' },
  'callToAction.text': { about: 'One sentence in the campaign\'s voice, at most 200 characters.', example: 'Share the statements and raise their demands.' },
  'callToAction.link': { about: 'A web address, http(s).', example: 'https://example.org/campaign' },
  'callToAction.hashtag': { about: 'One hashtag, in quotes (YAML reads # as a comment).', example: '"#Kazakhstan"' },
};

const organization: Docs = {
  id: { about: 'The organisation\'s id, used by statements (author, signatories).', example: 'skp' },
  abbreviation: { about: 'Abbreviation as the source writes it.', example: 'SKP' },
  name: { about: 'Name exactly as the source writes it, spelling included: do not correct it.', example: 'Sveriges Kommunistiska Parti' },
  englishName: { about: 'English name where the source gives one.', example: 'Communist Party of Sweden' },
  country: { about: 'Country in the source\'s spelling; leave it out when nothing states one.', example: 'Sweden' },
  countryFrom: { about: 'Where the country comes from: `source` (the text states it) or `name` (read from the organisation\'s name, and shown so).', example: 'name' },
  note: { about: 'Anything a reader should know about how the source names it.', example: 'Signs as "The International Section".' },
};

const statement: Docs = {
  id: { about: 'The statement\'s id; the file must be called `<id>.md`.', example: 'smk-statement' },
  title: { about: 'The title as the source gives it.', example: 'Statement by the Socialist Movement of Kazakhstan' },
  label: { about: 'Short label a fact is cited by, at most 40 characters.', example: 'SMK statement' },
  author: { about: 'Organisation id of the author, or `not named in the source`. Never guess one.', example: 'smk' },
  authorNote: { about: 'How the source names its author, or why none is named.', example: 'The text says "we" only.' },
  coordinatedBy: { about: 'Organisation id of who co-ordinated it, where the text says so. Co-ordinating is not writing.', example: 'rise' },
  date: { about: 'When it was written: YYYY-MM-DD, YYYY-MM or `undated`.', example: '2022-01-11' },
  dateNote: { about: 'How the date is known, or why there is none.', example: 'The text gives no date.' },
  source: { about: 'Where the text comes from and what was cleaned from it. People read this.', example: 'As published in English; a doubled paragraph removed.' },
  publisher: { about: 'Who published it, as the text itself names them.', example: 'ICOR' },
  url: { about: 'A web address the text itself gives, as written.', example: 'www.skp.se' },
  published: { about: 'Publication date the text gives: YYYY-MM-DD or YYYY-MM.', example: '2022-02' },
  publishedNote: { about: 'How the text gives its publisher, address or date, and what it leaves open.', example: 'The header reads "N° 21 février 2022".' },
  summary: { about: 'Two or three sentences on what the statement says, adding nothing.', example: 'The SMK describes the uprising …' },
  signatories: { about: 'Who signed it, where the text lists signatories.' },
  'signatories.asOf': { about: 'The day the list was this long, YYYY-MM-DD.', example: '2022-01-11' },
  'signatories.note': { about: 'How the text gives the list.', example: 'Listed at the end, by country.' },
  'signatories.organizations': { about: 'Organisation ids, in the order the text lists them.', example: '[mlpd, skp]' },
  demandsBy: { about: 'Organisation id whose demands these are, when the statement quotes another\'s.', example: 'smk' },
  demandsNote: { about: 'How the demands were picked from the text (two lists, a heading …).', example: 'The six demands of the second list.' },
  demands: { about: 'The demands, each quoted word for word from the body.' },
  'demands[].text': { about: 'The demand exactly as the body writes it: copy, never paraphrase.', example: '"Release of all political prisoners and detainees!"' },
  'demands[].topics': { about: 'Topic ids of `campaign.yaml` this demand is about.', example: '[prisoners]' },
};

const event: Docs = {
  id: { about: 'The event\'s id.', example: 'general-strike-2022' },
  date: { about: 'The day, YYYY-MM-DD. A date not in the statements needs a `note` saying so.', example: '2022-01-04' },
  title: { about: 'A short headline.', example: 'General strike in the west' },
  place: { about: 'Place named in reminders ("in Zhanaozen").', example: 'Zhanaozen' },
  summary: { about: 'What happened, from the statements, adding nothing.', example: 'Oil workers struck …' },
  reminder: { about: 'A shorter summary for reminders, two or three sentences, adding nothing.', example: 'Oil workers struck …' },
  sources: { about: 'Ids of the statements that report the event: at least one.', example: '[smk-statement]' },
  remind: { about: 'Whether subscribed chats get a reminder on its anniversary: true or false.', example: 'true' },
  note: { about: 'Where the sources disagree, or where the date is public record but not in them.', example: 'The statements give 16 and 17 killed.' },
  figures: { about: 'Numbers from the statements, each with its source and its words.' },
  'figures[].what': { about: 'What is counted.', example: 'killed' },
  'figures[].value': { about: 'The figure as the source gives it, in quotes.', example: '"over 160"' },
  'figures[].source': { about: 'Id of the statement that gives it (also one of `sources`).', example: 'smk-statement' },
  'figures[].quote': { about: 'The source\'s own words, verbatim from its body.', example: '"over 160 people were killed"' },
  'figures[].counted': { about: '`later`, or the day the source counted it, when not the event\'s own day.', example: 'later' },
  topics: { about: 'Topic ids whose demands relate to the event; the first opens a reminder\'s demands.', example: '[unions]' },
};

/** Explanations by schema name and field path. */
export const FIELD_DOCS: Readonly<Record<'campaign' | 'organizations' | 'events' | 'statement', Docs>> = {
  campaign, organizations: organization, events: event, statement,
};
