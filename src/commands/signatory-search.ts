/**
 * Which organisations a `/signatories` filter names: a country (usual names in
 * several languages, the source's own spelling, ISO codes), an organisation's
 * id, abbreviation or name (across scripts), or part of a name.
 */
import type { Organization } from '../content/campaign.js';
import { countryCodeOfIsoCode, countryCodesOfName, countryMatches, countryNames } from '../text/countries.js';
import { matchKey } from '../text/script.js';

/** How a filter matched: by country, by an exact name, or by a word or part of a name. */
export type MatchKind = 'country' | 'name' | 'part';

/** The organisations a filter names, and how. */
export interface OrganizationMatch {
  readonly kind: MatchKind;
  readonly organizations: readonly Organization[];
}

const namesOf = (o: Organization): string[] =>
  [o.name, o.englishName, o.abbreviation].filter((v): v is string => v !== undefined);

/** True when `filter` is the organisation's id, abbreviation, name or English name, in any script. */
export function namesExactly(o: Organization, filter: string): boolean {
  const key = matchKey(filter);
  return key !== '' && [o.id, ...namesOf(o)].some((v) => matchKey(v) === key);
}

/** Organisations whose country `filter` names; ISO codes only when `codes` is set. */
export function ofCountry(orgs: readonly Organization[], filter: string, codes = false): Organization[] {
  return orgs.filter((o) => o.country !== undefined && countryMatches(o.country, filter, { codes }));
}

/**
 * Organisations whose name contains `filter` (in any script), or — when
 * `filter` names a country — one of that country's names as a whole word
 * ("Мексика" finds "… Partido Comunista de México").
 */
function inNames(orgs: readonly Organization[], filter: string): Organization[] {
  const key = matchKey(filter);
  if (!key) return [];
  const words = countryCodesOfName(filter).flatMap(countryNames).map(matchKey).filter(Boolean);
  return orgs.filter((o) => namesOf(o).map(matchKey).some((n) =>
    n.includes(key) || words.some((w) => ` ${n} `.includes(` ${w} `))));
}

/**
 * The organisations `filter` names, tried in this order: a country by name
 * (any loaded language or the source's spelling), an organisation by id,
 * abbreviation or name, a country by ISO code ("LU" — after abbreviations, so
 * "UC" stays Unité Communiste; a code is never read as part of a name), then
 * part of a name. Undefined when nothing matches.
 */
export function matchOrganizations(orgs: readonly Organization[], filter: string): OrganizationMatch | undefined {
  if (!matchKey(filter)) return undefined;
  const byCountry = ofCountry(orgs, filter);
  if (byCountry.length) return { kind: 'country', organizations: byCountry };
  const exact = orgs.filter((o) => namesExactly(o, filter));
  if (exact.length) return { kind: 'name', organizations: exact };
  if (countryCodeOfIsoCode(filter)) {
    // An ISO code is a country, not a fragment of names ("IE" is Ireland, not every "ie").
    const byCode = ofCountry(orgs, filter, true);
    return byCode.length ? { kind: 'country', organizations: byCode } : undefined;
  }
  const part = inNames(orgs, filter);
  return part.length ? { kind: 'part', organizations: part } : undefined;
}

/** True when `filter` names a country: a usual name in a loaded language or an ISO code. */
export const isCountryName = (filter: string): boolean =>
  countryCodesOfName(filter).length > 0 || countryCodeOfIsoCode(filter) !== undefined;

/** Alpha-2 codes `filter` stands for, as a name or an ISO code. */
export function countryCodesOf(filter: string): string[] {
  const code = countryCodeOfIsoCode(filter);
  return [...new Set([...countryCodesOfName(filter), ...(code ? [code] : [])])];
}
