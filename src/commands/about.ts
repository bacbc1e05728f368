/** /about — the campaign and this bot. */
import { action, command, message, paragraph, reply } from '../rich/build.js';
import { signatories } from '../content/queries.js';
import type { Command } from './types.js';
import { plural } from './present.js';

/** /about: the campaign, what the bot is built from, and how it treats its sources. */
export const about: Command = {
  name: 'about',
  description: 'About this campaign and this bot',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph(`Built from ${plural(campaign.statements.length, 'statement', 'statements')}, signed or written by `
        + `${plural(campaign.organizations.length, 'organisation', 'organisations')} `
        + `(${plural(signatories(campaign).length, 'signatory', 'signatories')}), with ${plural(campaign.events.length, 'dated event', 'dated events')}.`),
      paragraph('Demands are quoted word for word; every figure names its source; where the sources disagree, each figure is shown with its own. See ', command('/sources'), '.'),
      paragraph('Placard is free software. It stores chat ids and chat settings only: no names, no user ids, no messages.'),
    ]), undefined, [action('Sources', 'sources'), action('Statements', 'statements')]);
  },
};
