/** /demands [statement | organisation | topic] — demands quoted verbatim, with whose they are. */
import type { Campaign, Statement } from '../content/campaign.js';
import { findOrganizations, findStatement, findTopic } from '../content/queries.js';
import { closest } from '../text/closest.js';
import { clip } from '../text/fold.js';
import { code, errorReply, italic, message, numbered, paragraph, reply, text } from '../rich/build.js';
import type { RichMessage } from '../rich/model.js';
import type { Command } from './types.js';
import { authorText, shortName } from './present.js';

function demandsMessage(statement: Statement, only?: (topics: readonly string[]) => boolean): RichMessage {
  const demands = statement.demands.filter((d) => !only || only(d.topics));
  const byline = statement.demandsBy
    ? `Demands of: ${statement.demandsBy.name} — as quoted by: ${authorText(statement)}`
    : `${statement.author ? 'By' : 'Author'}: ${authorText(statement)}`;
  return message(`Demands — ${statement.title}`, [
    paragraph(italic(byline)),
    ...(statement.demandsNote ? [paragraph(statement.demandsNote)] : []),
    numbered(demands.map((d) => d.text)),
    paragraph('Full statement: ', code(`/statement ${statement.id}`)),
  ]);
}

/** Statements with demands, the campaign's featured one first. */
function withDemands(campaign: Campaign): Statement[] {
  const all = campaign.statements.filter((s) => s.demands.length > 0);
  const first = all.filter((s) => s.id === campaign.meta.demandsFirst);
  return [...first, ...all.filter((s) => s.id !== campaign.meta.demandsFirst)];
}

export const demands: Command = {
  name: 'demands',
  description: 'The demands, quoted word for word, by statement, organisation or topic',
  usage: '/demands [statement | organisation | topic]',
  access: 'everyone',
  cacheable: true,
  options: [{ name: 'filter', description: 'A statement id, an organisation or a topic', type: 'string', choices: 'topics' }],
  run({ options }, _inv, { campaign }) {
    const query = String(options.filter ?? '').trim();
    if (!query) return reply(withDemands(campaign).map((s) => demandsMessage(s)));

    const byId = campaign.statementById.get(query.toLowerCase());
    if (byId && byId.demands.length > 0) return reply(demandsMessage(byId));

    // An organisation: its own demands and those others quote from it.
    const named = findOrganizations(campaign, query);
    if (named.length > 0) {
      const ids = new Set(named.map((o) => o.id));
      const theirs = withDemands(campaign).filter((s) => ids.has(s.author?.id ?? '') || ids.has(s.demandsBy?.id ?? ''));
      if (theirs.length > 0) return reply(theirs.map((s) => demandsMessage(s)));
      return errorReply(`${named.map(shortName).join(', ')} made no demands of its own in these statements; it signed: try `, code(`/signatories ${clip(query)}`));
    }

    const statement = findStatement(campaign, query);
    if (statement && statement.demands.length > 0) return reply(demandsMessage(statement));

    const topic = findTopic(campaign, query);
    if (topic) {
      const matching = withDemands(campaign).filter((s) => s.demands.some((d) => d.topics.includes(topic.id)));
      if (matching.length === 0) return errorReply(`No demand is tagged “${topic.label}” yet.`);
      return reply([
        message(`Demands on ${topic.label}`, [paragraph(`${matching.length} statement(s) make demands on this topic.`)]),
        ...matching.map((s) => demandsMessage(s, (t) => t.includes(topic.id))),
      ]);
    }

    const names = [
      ...campaign.statements.map((s) => s.id),
      ...campaign.organizations.flatMap((o) => [o.abbreviation ?? o.name]),
      ...campaign.topics.map((t) => t.id),
    ];
    const guesses = closest(query, names);
    return errorReply(
      text(`No statement, organisation or topic called “${clip(query)}”. `),
      ...(guesses.length ? [text('Did you mean '), ...guesses.flatMap((g, i) => [...(i ? [text(', ')] : []), code(`/demands ${g}`)]), text('? ')] : []),
      text('Topics: '), text(campaign.topics.map((t) => t.id).join(', ')), text('.'),
    );
  },
};
