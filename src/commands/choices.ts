/**
 * Completion choices for command options (Discord autocomplete; usable by any
 * adapter that offers suggestions). Platform-neutral: names and values only.
 */
import type { Campaign } from '../content/campaign.js';
import { countries, signatories } from '../content/queries.js';
import { knownTimeZones } from '../schedule/zones.js';
import { fold } from '../text/fold.js';
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

function all(source: ChoiceSource, campaign: Campaign): Choice[] {
  const orgChoice = (o: { abbreviation?: string; name: string }): Choice =>
    ({ name: o.abbreviation ? `${o.abbreviation} — ${o.name}` : o.name, value: o.abbreviation ?? o.name });
  switch (source) {
    case 'statements': return campaign.statements.map((s) => ({ name: `${s.id} — ${s.title}`, value: s.id }));
    case 'organizations': return campaign.organizations.map(orgChoice);
    case 'countries': return countries(campaign).map((c) => ({ name: c, value: c }));
    case 'topics': return [
      ...campaign.topics.map((t) => ({ name: `${t.label} (topic)`, value: t.id })),
      ...campaign.statements.filter((s) => s.demands.length).map((s) => ({ name: `${s.title} (statement)`, value: s.id })),
      ...campaign.organizations.filter((o) => campaign.statements.some((s) => s.demands.length && (s.author?.id === o.id || s.demandsBy?.id === o.id)))
        .map((o) => ({ ...orgChoice(o), name: `${orgChoice(o).name} (organisation)` })),
    ];
    case 'signatories': {
      const orgs = signatories(campaign).map((s) => s.organization);
      return [...countries({ ...campaign, organizations: orgs }).map((c) => ({ name: `${c} (country)`, value: c })), ...orgs.map(orgChoice)];
    }
    case 'timezones': return knownTimeZones().map((z) => ({ name: z, value: z }));
  }
}

/**
 * Up to 25 choices from `source` matching what was typed so far: those that
 * start with it first, then those that contain it; everything when nothing is typed.
 */
export function choicesFor(source: ChoiceSource, campaign: Campaign, typed: string): Choice[] {
  const q = fold(typed);
  const list = all(source, campaign);
  const starts = list.filter((c) => fold(c.name).startsWith(q) || fold(c.value).startsWith(q));
  const contains = list.filter((c) => !starts.includes(c) && (fold(c.name).includes(q) || fold(c.value).includes(q)));
  return [...starts, ...contains].slice(0, MAX_CHOICES).map((c) => ({ name: cut(c.name), value: cut(c.value) }));
}
