/** /statement <id> — one statement: summary, facts, demands, then the full text. */
import type { Campaign } from '../content/campaign.js';
import { findStatement } from '../content/queries.js';
import { formatContentDate } from '../schedule/calendar.js';
import { bold, code, errorReply, heading, message, numbered, paragraph, reply, text } from '../rich/build.js';
import { closest } from '../text/closest.js';
import { clip } from '../text/fold.js';
import type { Command } from './types.js';
import { authorText, dateText } from './present.js';

const usage = (campaign: Campaign) => campaign.statements.map((s) => s.id);

export const statement: Command = {
  name: 'statement',
  description: 'One statement: summary, author, date, source, demands and the full text',
  usage: '/statement <id>',
  access: 'everyone',
  cacheable: true,
  options: [{ name: 'id', description: 'Statement id (see /statements)', type: 'string', required: true, choices: 'statements' }],
  run({ options }, _inv, { campaign }) {
    const query = String(options.id ?? '').trim();
    const s = findStatement(campaign, query);
    if (!s) {
      const guesses = closest(query, usage(campaign));
      return errorReply(
        text(`No statement “${clip(query)}”. `),
        ...(guesses.length ? [text('Did you mean '), code(`/statement ${guesses[0]}`), text('? ')] : []),
        text('Ids: '), text(usage(campaign).join(', ')), text('.'),
      );
    }
    const facts = [
      paragraph(bold('Author: '), authorText(s)),
      paragraph(bold('Date: '), dateText(s)),
      paragraph(bold('Source: '), s.source),
    ];
    if (s.signatories) {
      const asOf = s.signatories.asOf ? ` as of ${formatContentDate(s.signatories.asOf)}` : '';
      facts.push(paragraph(bold('Signatories: '), `${s.signatories.organizations.length}${asOf}`,
        s.signatories.note ? ` (${s.signatories.note})` : '', ' — ', code('/signatories')));
    }
    const demands = s.demands.length === 0 ? [] : [
      heading(s.demandsBy ? `Demands (of ${s.demandsBy.name})` : 'Demands'),
      ...(s.demandsNote ? [paragraph(s.demandsNote)] : []),
      numbered(s.demands.map((d) => d.text)),
    ];
    return reply([
      message(s.title, [paragraph(s.summary), ...facts, ...demands]),
      message(`Full text — ${s.title}`, s.paragraphs.map((p) => paragraph(p))),
    ]);
  },
};
