/** /start — the welcome. */
import { code, message, paragraph, reply } from '../rich/build.js';
import type { Command } from './types.js';

export const start: Command = {
  name: 'start',
  description: 'Welcome and first steps',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    return reply(message(campaign.meta.title, [
      paragraph(campaign.meta.summary),
      paragraph('Try ', code('/demands'), ', ', code('/signatories'), ', ', code('/timeline'), ' or ', code('/next'), '. ',
        code('/help'), ' lists every command.'),
    ]));
  },
};
