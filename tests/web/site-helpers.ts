/** The shipped campaign's site, built in memory for the web tests. */
import { buildSite } from '../../adapters/web/index.js';
import type { Campaign } from '../../src/content/campaign.js';
import { campaignIn } from '../../src/content/editions.js';
import { LANGUAGES, type Language } from '../../src/i18n/languages.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import type { SiteFile } from '../../src/site/files.js';
import { indexPath, notFoundPath, statementPath } from '../../src/present/site-urls.js';
import { shippedCampaign } from '../helpers/core.js';

/** The site's files by path. */
export type SiteMap = ReadonlyMap<string, SiteFile>;

/** Builds the shipped campaign's site, with `publicUrl` when given. */
export async function shippedSite(publicUrl?: string): Promise<SiteMap> {
  const files = buildSite(await shippedCampaign(), sharedTranslator(), { publicUrl });
  return new Map(files.map((f) => [f.path, f]));
}

/** A file's text. */
export const textOf = (site: SiteMap, path: string): string => {
  const file = site.get(path);
  if (!file) throw new Error(`no ${path} in the site (it has ${[...site.keys()].join(', ')})`);
  return file.body.toString('utf8');
};

/** Every page of the site with the campaign's content: each language's campaign page and statement pages (the not-found pages: {@link notFoundPaths}). */
export function pagePaths(campaign: Campaign): { language: Language; path: string; statement?: string }[] {
  return LANGUAGES.flatMap((language) => [
    { language, path: indexPath(language) },
    ...campaignIn(campaign, language).statements.map((s) => ({ language, path: statementPath(language, s.id), statement: s.id })),
  ]);
}

/** Each language's not-found page (`404.html`, `ru/404.html`, `kk/404.html`). */
export const notFoundPaths = (): { language: Language; path: string }[] =>
  LANGUAGES.map((language) => ({ language, path: notFoundPath(language) }));
