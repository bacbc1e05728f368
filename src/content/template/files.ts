/**
 * The files `placard new DIR` writes: a minimal, valid campaign whose
 * comments explain each field, and the JSON Schemas its YAML files point
 * editors to. Every name and fact in it is an example to replace.
 */
import { SCHEMA_NAMES, jsonSchemaText } from '../json-schema.js';

const modeline = (name: string, depth = ''): string => `# yaml-language-server: $schema=./${depth}schema/${name}.json`;

const CAMPAIGN = `${modeline('campaign')}
# campaign.yaml: what the campaign is and how the bot behaves. Facts do not
# go here: they live in statements/ and events.yaml, each with its source.
# Every field is explained in docs/content.md; \`placard check DIR\` checks them.

# The campaign's id: lower-case letters, digits and dashes.
id: example-campaign
# The campaign's name, as the bot shows it. Every text in the campaign's own
# voice (titles, summaries, notes, labels) may be given per language instead,
# en, ru and kk:  title: {en: Solidarity …, ru: Солидарность …, kk: …}
# Quotes (demands, figures, statement texts) are never translated.
title: Solidarity with the example workers
# Two or three sentences in the campaign's own voice.
summary: >-
  An example campaign written by placard new. Replace it with yours: the
  statements you carry, their demands word for word, and the events they
  report, each with its source.
# The time zone of a chat that has not set its own (an IANA name).
timeZone: Europe/Berlin
# Optional: the language (en, ru or kk) of a chat that chose none, and of the
# texts written once; English when left out.
# language: en
# When reminders go out by default, HH:MM, in quotes.
reminderTime: "09:00"
# The statement whose demands /demands shows first.
demandsFirst: example-statement
# Optional: closes every reminder. The hashtag goes in quotes (# starts a comment).
callToAction:
  text: Share the statement and raise its demands in your union.
  hashtag: "#ExampleSolidarity"
# Tags that demands and events carry (/demands wages). aliases: other words people may type.
topics:
  - id: wages
    label: Wages
    aliases: [pay, salary]
  - id: unions
    label: The right to organise
    aliases: [union, trade union, strike]
`;

const ORGANIZATIONS = `${modeline('organizations')}
# organizations.yaml: every organisation that wrote or signed a statement.
# Write names exactly as the source writes them, spelling included.

  # The id statements use for it (author, signatories).
- id: example-union
  # Optional: the abbreviation as the source writes it.
  abbreviation: EWU
  # The name exactly as the source writes it.
  name: Example Workers' Union
  # Optional: the country, only where the source states it.
  country: Examplia
- id: example-league
  name: Example Solidarity League
  # Optional: the English name, where the source gives one.
  englishName: Example Solidarity League
  # No country: the source does not state one. Never guess it.
`;

const EVENTS = `${modeline('events')}
# events.yaml: the campaign's timeline. Only what the statements report;
# every event names the statements it comes from.

  # The event's id.
- id: example-strike
  # The day, YYYY-MM-DD.
  date: 2024-03-01
  # A short headline.
  title: Workers of the example plant strike
  # Optional: the place a reminder names ("in Example City").
  place: Example City
  # What happened, from the statements, adding nothing.
  summary: >-
    The workers of the example plant stopped work for higher wages, as the
    Example Workers' Union reports.
  # The statements that report it (ids): at least one.
  sources: [example-statement]
  # true: subscribed chats get a reminder on its anniversary.
  remind: true
  # Optional: where sources disagree, or a date that is not in them.
  note: The statement gives the day; it gives no figure of how many struck.
  # Optional: numbers, each with its statement and its words, verbatim.
  figures:
    - what: demands
      value: "two"
      source: example-statement
      quote: "We raise two demands"
  # Optional: topics whose demands relate to the event.
  topics: [wages]
`;

const STATEMENT = `---
# Front matter: the fields between the two "---" lines (docs/content.md).
# The statement's id: the file must be called <id>.md.
id: example-statement
title: Statement of the Example Workers' Union on the strike
# Optional: a short label facts are cited by.
label: EWU statement
# An organisation id, or "not named in the source". Never guess an author.
author: example-union
# YYYY-MM-DD, YYYY-MM or "undated".
date: 2024-03-01
# Where the text comes from and what was cleaned. People read this.
source: An example written by placard new; replace it with the statement as published.
# What the statement says, adding nothing.
summary: The Example Workers' Union reports the strike and raises two demands.
# Optional: who signed it, as the text lists them (organisation ids).
signatories:
  asOf: 2024-03-02
  organizations: [example-union, example-league]
# The demands, each copied word for word from the text below.
demands:
  - text: "A living wage for every worker of the plant!"
    topics: [wages]
  - text: "The right to organise without fear!"
    topics: [unions]
---
On 1 March 2024 the workers of the example plant stopped work.

We raise two demands:

A living wage for every worker of the plant!

The right to organise without fear!

Example Workers' Union, Example Solidarity League
`;

/** The files of a new campaign, by path relative to its folder. */
export function templateFiles(): Readonly<Record<string, string>> {
  const files: Record<string, string> = {
    'campaign.yaml': CAMPAIGN,
    'organizations.yaml': ORGANIZATIONS,
    'events.yaml': EVENTS,
    'statements/example-statement.md': STATEMENT,
  };
  for (const name of SCHEMA_NAMES) files[`schema/${name}.json`] = jsonSchemaText(name);
  return files;
}
