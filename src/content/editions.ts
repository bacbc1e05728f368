/**
 * A campaign in each language. The content's own-voice fields (titles,
 * summaries, notes, topic labels, short source labels) may carry
 * translations; the loader builds one frozen `Campaign` per language with
 * those fields in that language, and quotes (demands, figures' values and
 * words, statement texts) the same objects in every edition.
 */
import type { Language } from '../i18n/languages.js';
import type { Campaign } from './campaign.js';

const editions = new WeakMap<Campaign, ReadonlyMap<Language, Campaign>>();

/** Records the editions of a loaded campaign (each edition knows its siblings too). */
export function registerEditions(byLanguage: ReadonlyMap<Language, Campaign>): void {
  for (const edition of byLanguage.values()) editions.set(edition, byLanguage);
}

/** `campaign` in `language`: the edition the loader built, else the campaign itself (content without translations). */
export function campaignIn(campaign: Campaign, language: Language): Campaign {
  return editions.get(campaign)?.get(language) ?? campaign;
}

/** Every edition of `campaign`, its own first; the campaign alone for content loaded without editions. */
export function editionsOf(campaign: Campaign): readonly Campaign[] {
  const all = editions.get(campaign);
  return all ? [campaign, ...[...all.values()].filter((e) => e !== campaign)] : [campaign];
}
