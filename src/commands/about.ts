/** /about — the campaign and this bot. */
import { action, command, message, paragraph, reply } from '../rich/build.js';
import { signatories } from '../content/queries.js';
import type { Command } from './types.js';
import type { Campaign, Organization } from '../content/campaign.js';
import { plural, shortName } from '../present/present.js';

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
function coordinated(campaign: Campaign): string {
  const by = campaign.statements.filter((s) => s.coordinatedBy).map((s) => shortName(s.coordinatedBy!));
  if (by.length === 0) return '';
  return ` ${by.length === 1 ? 'One was' : `${by.length} were`} co-ordinated by ${[...new Set(by)].join(', ')}.`;
}

/** /about: the campaign, what the bot is built from, and how it treats its sources. */
export const about: Command = {
  name: 'about',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph(`Built from ${plural(campaign.statements.length, 'statement', 'statements')}, signed or written by `
        + `${plural(signedOrWrote(campaign).length, 'organisation', 'organisations')} `
        + `(${plural(signatories(campaign).length, 'signatory', 'signatories')}), with ${plural(campaign.events.length, 'dated event', 'dated events')}.`
        + coordinated(campaign)),
      paragraph('Demands are quoted word for word; every figure names its source; where the sources disagree, each figure is shown with its own. See ', command('/sources'), '.'),
      paragraph('Placard is free software. It stores chat ids and chat settings only: no names, no user ids, no messages.'),
    ]), undefined, [action('Sources', 'sources'), action('Statements', 'statements')]);
  },
};
