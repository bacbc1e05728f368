/**
 * Completion choices for command options (Discord autocomplete; usable by any
 * adapter that offers suggestions). Platform-neutral: names and values only.
 */
import type { Campaign, Organization } from '../content/campaign.js';
import { countries, signatories } from '../content/queries.js';
import { knownTimeZones } from '../time/zones.js';
import { countryName, countryNames, countryParts } from '../text/countries.js';
import { matchKey } from '../text/script.js';
import { defaultVoice, type Voice } from '../i18n/voice.js';
import type { ChoiceSource } from './types.js';

/** One suggestion: what to show and what to fill in. */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

/** Most choices any platform shows at once (Discord's limit). */
export const MAX_CHOICES = 25;
const MAX_LENGTH = 100;

const cut = (s: string): string => (s.length <= MAX_LENGTH ? s : `${s.slice(0, MAX_LENGTH - 1)}…`);

/** A choice with the other texts it answers to (a country's names in other languages, an organisation's names). */
interface Candidate extends Choice {
  readonly also?: readonly string[];
}

/** A content country's names in every loaded language ("Luxemburg" → "Luxembourg", "Люксембург", …). */
const countryAliases = (country: string): string[] => countryParts(country).flatMap((p) => p.codes.flatMap(countryNames));

const orgChoice = (o: Organization): Candidate =>
  ({ name: o.abbreviation ? `${o.abbreviation} — ${o.name}` : o.name, value: o.abbreviation ?? o.name, also: [o.englishName ?? '', o.id] });

function all(source: ChoiceSource, campaign: Campaign, voice: Voice): Candidate[] {
  /** A content country, shown in the voice's language, filled in as the content writes it (which every language's answer finds). */
  const countryChoice = (c: string, kind?: string): Candidate => {
    const name = countryName(c, voice.language);
    return { name: kind ? voice.t(kind, { name }) : name, value: c, also: countryAliases(c) };
  };
  const kind = (id: string, c: Candidate): Candidate => ({ ...c, name: voice.t(id, { name: c.name }) });
  switch (source) {
    case 'statements': return campaign.statements.map((s) => ({ name: `${s.id} — ${s.title}`, value: s.id }));
    case 'organizations': return campaign.organizations.map(orgChoice);
    case 'countries': return countries(campaign).map((c) => countryChoice(c));
    case 'topics': return [
      ...campaign.topics.map((t) => kind('choice-topic', { name: t.label, value: t.id, also: t.aliases })),
      ...campaign.statements.filter((s) => s.demands.length).map((s) => kind('choice-statement', { name: s.title, value: s.id })),
      ...campaign.organizations.filter((o) => campaign.statements.some((s) => s.demands.length && (s.author?.id === o.id || s.demandsBy?.id === o.id)))
        .map((o) => kind('choice-organisation', orgChoice(o))),
    ];
    case 'signatories': {
      const orgs = signatories(campaign).map((s) => s.organization);
      return [...countries({ ...campaign, organizations: orgs }).map((c) => countryChoice(c, 'choice-country')), ...orgs.map(orgChoice)];
    }
    case 'timezones': return knownTimeZones().map((z) => ({ name: z, value: z }));
  }
}

/**
 * Up to 25 choices from `source` matching what was typed so far: those that
 * start with it first, then those that contain it; everything when nothing is
 * typed. Matching is across scripts and, for countries, across the loaded
 * languages: "Люкс" offers "Luxemburg (country)", "роде" offers "RM — Rode Morgen".
 * Names are in the voice's language ("Франция (страна)"; English when none
 * is given), values as the content writes them.
 */
export function choicesFor(source: ChoiceSource, campaign: Campaign, typed: string, voice: Voice = defaultVoice()): Choice[] {
  const q = matchKey(typed);
  const keyed = all(source, campaign, voice).map((c) => ({ c, keys: [c.name, c.value, ...(c.also ?? [])].map(matchKey).filter(Boolean) }));
  const starts = keyed.filter((k) => k.keys.some((key) => key.startsWith(q)));
  const contains = keyed.filter((k) => !starts.includes(k) && k.keys.some((key) => key.includes(q)));
  return [...starts, ...contains].slice(0, MAX_CHOICES).map(({ c }) => ({ name: cut(c.name), value: cut(c.value) }));
}
