/** /about — the campaign and this bot. */
import { action, command, link, message, paragraph, reply } from '../rich/build.js';
import { calendarUrl, siteUrl } from '../present/site-urls.js';
import { signatories } from '../content/queries.js';
import type { Command } from './types.js';
import type { Campaign, Organization } from '../content/campaign.js';
import { shortName } from '../present/present.js';
import type { Voice } from '../i18n/voice.js';

/** Organisations that wrote (are named as author of) or signed a statement, each once; a co-ordinator alone does not count. */
export function signedOrWrote(campaign: Campaign): Organization[] {
  const ids = new Set<string>();
  for (const s of campaign.statements) {
    if (s.author) ids.add(s.author.id);
    for (const o of s.signatories?.organizations ?? []) ids.add(o.id);
  }
  return campaign.organizations.filter((o) => ids.has(o.id));
}

/** " One was co-ordinated by RISE." — who co-ordinated statements they are not named as writing or signing. */
function coordinated(voice: Voice, campaign: Campaign): string {
  const by = campaign.statements.filter((s) => s.coordinatedBy).map((s) => shortName(s.coordinatedBy!));
  if (by.length === 0) return '';
  return ` ${voice.t('about-coordinated', { count: by.length, names: voice.list([...new Set(by)]) })}`;
}

/** /about: the campaign, what the bot is built from, and how it treats its sources. */
export const about: Command = {
  name: 'about',
  access: 'everyone',
  cacheable: true,
  options: [],
  run({ voice }, _inv, { campaign, publicUrl }) {
    const site = siteUrl(publicUrl, voice.language);
    const calendar = calendarUrl(publicUrl, voice.language);
    const count = (id: string, n: number): string => voice.t(id, { count: n });
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph(voice.t('about-built-from', {
        statements: count('about-statements', campaign.statements.length),
        organisations: count('about-organisations', signedOrWrote(campaign).length),
        signatories: count('about-signatories', signatories(campaign).length),
        events: count('about-events', campaign.events.length),
      }) + coordinated(voice, campaign)),
      paragraph(...voice.rich('about-quoting', { sources: command('/sources') })),
      paragraph(voice.t('about-privacy')),
      ...(site !== undefined && calendar !== undefined ? [paragraph(...voice.rich('web-link-about', {
        site: link(site, site), calendar: link(voice.t('web-link-calendar'), calendar),
      }))] : []),
    ]), undefined, [action(voice.t('content-button-sources'), 'sources'), action(voice.t('content-button-statements'), 'statements')]);
  },
};
