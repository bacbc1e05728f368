/** /statements — the list of statements with ids, authors and dates. */
import { bullets, code, message, paragraph, reply, text } from '../rich/build.js';
import type { Command } from './types.js';
import { authorText, dateText, statementRef } from './present.js';

export const statements: Command = {
  name: 'statements',
  description: 'List the statements this campaign is built from',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    return reply(message('Statements', [
      bullets(campaign.statements.map((s) => [
        ...statementRef(s), text(` — ${authorText(s)}; ${dateText(s)}`),
      ])),
      paragraph('Read one with ', code('/statement <id>'), '.'),
    ]));
  },
};
