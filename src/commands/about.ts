/** /about — the campaign and this bot. */
import { code, message, paragraph, reply } from '../rich/build.js';
import { signatories } from '../content/queries.js';
import type { Command } from './types.js';

export const about: Command = {
  name: 'about',
  description: 'About this campaign and this bot',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph(`Built from ${campaign.statements.length} statements, signed or written by ${campaign.organizations.length} organisations `
        + `(${signatories(campaign).length} signatories), with ${campaign.events.length} dated events.`),
      paragraph('Demands are quoted word for word; every figure names its source; where the sources disagree, each figure is shown with its own. See ', code('/sources'), '.'),
      paragraph('Placard is free software. It stores chat ids and chat settings only: no names, no user ids, no messages.'),
    ]));
  },
};
