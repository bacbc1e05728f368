/**
 * /demands [statement | organisation | topic | topics] [page] — demands quoted
 * verbatim, with whose they are: one statement's (the featured one first), an
 * organisation's, or a topic's grouped by source; paged, with buttons to the
 * other statements and to the topics.
 */
import type { Campaign, Organization, Statement } from '../content/campaign.js';
import { NOT_NAMED, type Topic } from '../content/schema.js';
import { findOrganizations, findStatement, findTopic, signatories } from '../content/queries.js';
import { action, bold, command, errorReply, italic, message, paragraph, reply, text } from '../rich/build.js';
import type { Action, Block, Reply, Span } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, withPage, type Piece } from '../present/pages.js';
import { buttonLabel, plural, shortName, topicLabel, withDemands } from '../present/present.js';
import type { Command } from './types.js';

/** The argument that lists the topics. */
const TOPICS = 'topics';

/** "Demands of the Socialist Movement of Kazakhstan, as quoted in the SKP statement" or "By the SMK". */
function byline(s: Statement): string {
  if (s.demandsBy) return `demands of ${s.demandsBy.name}, as quoted in the ${s.label}`;
  if (s.author) return `by ${s.author.name}`;
  return s.coordinatedBy ? `co-ordinated by ${s.coordinatedBy.name}, author ${NOT_NAMED}` : `author ${NOT_NAMED}`;
}

const capital = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

const demandPieces = (s: Statement, ordered: boolean, header: Block | undefined, only?: Topic): Piece[] =>
  s.demands.flatMap((d, i) => (only && !d.topics.includes(only.id) ? [] : [{ item: [text(d.text)], list: s.id, ordered, number: i + 1, ...(header ? { header } : {}) }]));

/** Buttons to the other statements' demands, the topics and the statement itself. */
function statementActions(campaign: Campaign, s: Statement): Action[] {
  return [
    ...withDemands(campaign).filter((o) => o.id !== s.id).map((o) => action(buttonLabel(o.label), 'demands', o.id)),
    action('By topic', 'demands', TOPICS),
    action('Full statement', 'statement', s.id),
  ];
}

function statementDemands(campaign: Campaign, s: Statement, page: number): Reply {
  return pagedReply({
    title: `Demands — ${s.label}`, head: [paragraph(italic(capital(byline(s))))], pieces: demandPieces(s, true, undefined),
    page, command: 'demands', args: s.id, actions: statementActions(campaign, s),
  });
}

function organizationDemands(campaign: Campaign, orgs: readonly Organization[], theirs: readonly Statement[], args: string, page: number): Reply {
  const pieces = theirs.flatMap((s): Piece[] => {
    const header = paragraph(bold(s.label), text(' — '), italic(byline(s)));
    return [{ block: header, keepWithNext: true }, ...demandPieces(s, true, header)];
  });
  return pagedReply({
    title: `Demands — ${orgs.map(shortName).join(', ')}`, pieces, page, command: 'demands', args,
    actions: [...theirs.map((s) => action(buttonLabel(`Read: ${s.label}`), 'statement', s.id)), action('By topic', 'demands', TOPICS)],
  });
}

/** Topics that at least one demand carries. */
const topicsWithDemands = (campaign: Campaign): Topic[] =>
  campaign.topics.filter((t) => campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(t.id))));

function topicList(campaign: Campaign, page: number): Reply {
  const featured = withDemands(campaign)[0];
  const pieces = topicsWithDemands(campaign).map((t): Piece => {
    const demands = campaign.statements.flatMap((s) => s.demands.filter((d) => d.topics.includes(t.id)));
    const from = campaign.statements.filter((s) => s.demands.some((d) => d.topics.includes(t.id)));
    return { item: [bold(t.label), text(` — ${plural(demands.length, 'demand', 'demands')} in ${plural(from.length, 'statement', 'statements')}`)], list: TOPICS, ordered: false, number: 1 };
  });
  return pagedReply({
    title: 'Demands by topic', pieces, page, command: 'demands', args: TOPICS,
    actions: [
      ...topicsWithDemands(campaign).slice(0, 11).map((t) => action(topicLabel(t), 'demands', t.id)),
      ...(featured ? [action(buttonLabel(featured.label), 'demands', featured.id)] : []),
    ],
  });
}

function topicDemands(campaign: Campaign, topic: Topic, page: number): Reply {
  const matching = withDemands(campaign).filter((s) => s.demands.some((d) => d.topics.includes(topic.id)));
  if (matching.length === 0) return errorReply(`No demand is tagged “${topic.label}” yet.`);
  const pieces = matching.flatMap((s): Piece[] => {
    const header = paragraph(bold(s.label), ...(s.demandsBy ? [text(' — '), italic(`demands of ${shortName(s.demandsBy)}, as quoted`)] : []));
    return [{ block: header, keepWithNext: true }, ...demandPieces(s, false, header, topic)];
  });
  const featured = withDemands(campaign)[0]!;
  return pagedReply({
    title: `Demands on: ${topic.label}`, pieces, page, command: 'demands', args: topic.id,
    actions: [action('Other topics', 'demands', TOPICS), action(buttonLabel(featured.label), 'demands', featured.id)],
  });
}

function notFound(campaign: Campaign, query: string): Reply {
  const names = [
    ...campaign.statements.filter((s) => s.demands.length).map((s) => s.id),
    ...campaign.organizations.filter((o) => withDemands(campaign).some((s) => s.author?.id === o.id || s.demandsBy?.id === o.id)).map(shortName),
    ...topicsWithDemands(campaign).map((t) => t.id),
  ];
  const guesses = closest(query, names).filter((g) => fold(g) !== fold(query));
  const hints: Span[] = guesses.flatMap((g, i) => [...(i ? [text(', ')] : []), command(`/demands ${g}`)]);
  return errorReply(
    text(`No statement, organisation or topic called “${clip(query)}”. `),
    ...(hints.length ? [text('Did you mean '), ...hints, text('? ')] : []),
    text('Topics: '), command(`/demands ${TOPICS}`), text('.'),
  );
}

/** /demands: demands verbatim, by statement, organisation or topic, paged, with buttons to the rest. */
export const demands: Command = {
  name: 'demands',
  access: 'everyone',
  cacheable: true,
  options: [
    { name: 'filter', type: 'string', choices: 'topics' },
    PAGE_OPTION,
  ],
  parse(raw) {
    const { rest, page } = withPage(raw);
    return { filter: rest || undefined, page };
  },
  run({ options }, _inv, { campaign }) {
    const query = String(options.filter ?? '').trim();
    const page = pageOf(options);
    const all = withDemands(campaign);
    if (!query) {
      return all[0] ? statementDemands(campaign, all[0], page) : reply(message('Demands', [paragraph('No statement here makes demands.')]));
    }
    if (fold(query) === TOPICS) return topicList(campaign, page);

    const byId = campaign.statementById.get(query.toLowerCase());
    if (byId && byId.demands.length > 0) return statementDemands(campaign, byId, page);

    // An organisation: its own demands and those others quote from it.
    const named = findOrganizations(campaign, query);
    if (named.length > 0) {
      const ids = new Set(named.map((o) => o.id));
      const theirs = all.filter((s) => ids.has(s.author?.id ?? '') || ids.has(s.demandsBy?.id ?? '') || ids.has(s.coordinatedBy?.id ?? ''));
      if (theirs.length === 1) return statementDemands(campaign, theirs[0]!, page);
      if (theirs.length > 1) return organizationDemands(campaign, named, theirs, named.length === 1 ? named[0]!.id : query, page);
      const signer = signatories(campaign).find((s) => ids.has(s.organization.id))?.organization;
      return errorReply(
        text(`${named.map(shortName).join(', ')} made no demands of its own in these statements.`),
        ...(signer ? [text(' It signed: '), command(`/signatories ${shortName(signer)}`), text('.')] : []),
      );
    }

    const statement = findStatement(campaign, query);
    if (statement && statement.demands.length > 0) return statementDemands(campaign, statement, page);

    const topic = findTopic(campaign, query);
    if (topic) return topicDemands(campaign, topic, page);
    return notFound(campaign, query);
  },
};
