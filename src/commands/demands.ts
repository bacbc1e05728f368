/**
 * /demands [statement | organisation | topic | topics] [page] — demands quoted
 * verbatim, with whose they are: one statement's (the featured one first), an
 * organisation's, or a topic's grouped by source; paged, with buttons to the
 * other statements and to the topics. Arguments in any language and script.
 */
import type { Campaign, Organization, Statement } from '../content/campaign.js';
import type { Topic } from '../content/schema.js';
import { findStatement, findTopic, signatories } from '../content/queries.js';
import { action, bold, command, errorReply, italic, message, paragraph, reply, text } from '../rich/build.js';
import type { Action, Block, Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, withPage, type Piece } from '../present/pages.js';
import { buttonLabel, didYouMean, quotedInOriginal, shortName, topicLabel, withDemands } from '../present/present.js';
import type { Voice } from '../i18n/voice.js';
import { namesExactly } from './signatory-search.js';
import type { Command } from './types.js';

/** The argument that lists the topics. */
const TOPICS = 'topics';

/** "demands of Socialist Movement of Kazakhstan, as quoted in the SKP statement" or "by SMK". */
function byline(voice: Voice, s: Statement): string {
  if (s.demandsBy) return voice.t('demands-byline-quoted', { org: s.demandsBy.name, label: s.label });
  if (s.author) return voice.t('demands-byline-author', { org: s.author.name });
  return s.coordinatedBy ? voice.t('demands-byline-coordinated', { org: s.coordinatedBy.name }) : voice.t('demands-byline-not-named');
}

const capital = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

const demandPieces = (s: Statement, ordered: boolean, header: Block | undefined, only?: Topic): Piece[] =>
  s.demands.flatMap((d, i) => (only && !d.topics.includes(only.id) ? [] : [{ item: [text(d.text)], list: s.id, ordered, number: i + 1, ...(header ? { header } : {}) }]));

const byTopic = (voice: Voice): Action => action(voice.t('content-button-by-topic'), 'demands', TOPICS);

/** Buttons to the other statements' demands, the topics and the statement itself. */
function statementActions(voice: Voice, campaign: Campaign, s: Statement): Action[] {
  return [
    ...withDemands(campaign).filter((o) => o.id !== s.id).map((o) => action(buttonLabel(o.label), 'demands', o.id)),
    byTopic(voice),
    action(voice.t('demands-button-full-statement'), 'statement', s.id),
  ];
}

function statementDemands(voice: Voice, campaign: Campaign, s: Statement, page: number): Reply {
  return pagedReply({
    title: voice.t('demands-title', { of: s.label }), head: [paragraph(italic(capital(byline(voice, s))))],
    pieces: demandPieces(s, true, undefined), foot: quotedInOriginal(voice),
    page, command: 'demands', args: s.id, actions: statementActions(voice, campaign, s), voice,
  });
}

function organizationDemands(voice: Voice, orgs: readonly Organization[], theirs: readonly Statement[], args: string, page: number): Reply {
  const pieces = theirs.flatMap((s): Piece[] => {
    const header = paragraph(bold(s.label), text(' — '), italic(byline(voice, s)));
    return [{ block: header, keepWithNext: true }, ...demandPieces(s, true, header)];
  });
  return pagedReply({
    title: voice.t('demands-title', { of: orgs.map(shortName).join(', ') }), pieces, foot: quotedInOriginal(voice),
    page, command: 'demands', args, voice,
    actions: [...theirs.map((s) => action(buttonLabel(voice.t('content-button-read', { label: s.label })), 'statement', s.id)), byTopic(voice)],
  });
}

/** Topics that at least one demand carries. */
const topicsWithDemands = (campaign: Campaign): Topic[] =>
  campaign.topics.filter((t) => campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(t.id))));

function topicList(voice: Voice, campaign: Campaign, page: number): Reply {
  const featured = withDemands(campaign)[0];
  const pieces = topicsWithDemands(campaign).map((t): Piece => {
    const demands = campaign.statements.flatMap((s) => s.demands.filter((d) => d.topics.includes(t.id)));
    const from = campaign.statements.filter((s) => s.demands.some((d) => d.topics.includes(t.id)));
    const counted = voice.t('demands-topic-count', { demands: demands.length, statements: from.length });
    return { item: [bold(t.label), text(` — ${counted}`)], list: TOPICS, ordered: false, number: 1 };
  });
  return pagedReply({
    title: voice.t('demands-by-topic-title'), pieces, page, command: 'demands', args: TOPICS, voice,
    actions: [
      ...topicsWithDemands(campaign).slice(0, 11).map((t) => action(topicLabel(voice, t), 'demands', t.id)),
      ...(featured ? [action(buttonLabel(featured.label), 'demands', featured.id)] : []),
    ],
  });
}

function topicDemands(voice: Voice, campaign: Campaign, topic: Topic, page: number): Reply {
  const matching = withDemands(campaign).filter((s) => s.demands.some((d) => d.topics.includes(topic.id)));
  if (matching.length === 0) return errorReply(voice.t('demands-topic-none', { topic: topic.label }));
  const pieces = matching.flatMap((s): Piece[] => {
    const header = paragraph(bold(s.label), ...(s.demandsBy ? [text(' — '), italic(voice.t('demands-quoted-of', { org: shortName(s.demandsBy) }))] : []));
    return [{ block: header, keepWithNext: true }, ...demandPieces(s, false, header, topic)];
  });
  const featured = withDemands(campaign)[0]!;
  return pagedReply({
    title: voice.t('demands-topic-title', { topic: topic.label }), pieces, foot: quotedInOriginal(voice),
    page, command: 'demands', args: topic.id, voice,
    actions: [action(voice.t('demands-button-other-topics'), 'demands', TOPICS), action(buttonLabel(featured.label), 'demands', featured.id)],
  });
}

function notFound(voice: Voice, campaign: Campaign, query: string): Reply {
  const names = [
    ...campaign.statements.filter((s) => s.demands.length).map((s) => s.id),
    ...campaign.organizations.filter((o) => withDemands(campaign).some((s) => s.author?.id === o.id || s.demandsBy?.id === o.id)).map(shortName),
    ...topicsWithDemands(campaign).map((t) => t.id),
  ];
  const guesses = closest(query, names).filter((g) => fold(g) !== fold(query));
  const hints = didYouMean(voice, guesses.map((g) => command(`/demands ${g}`)));
  return errorReply(
    text(voice.t('demands-not-found', { query: clip(query) })), text(' '),
    ...(hints.length ? [...hints, text(' ')] : []),
    ...voice.rich('demands-topics-hint', { command: command(`/demands ${TOPICS}`) }),
  );
}

/** The answer for an organisation: its demands, those others quote from it, or where it signed instead. */
function ofOrganizations(voice: Voice, campaign: Campaign, named: readonly Organization[], query: string, page: number): Reply {
  const ids = new Set(named.map((o) => o.id));
  const theirs = withDemands(campaign).filter((s) => ids.has(s.author?.id ?? '') || ids.has(s.demandsBy?.id ?? '') || ids.has(s.coordinatedBy?.id ?? ''));
  if (theirs.length === 1) return statementDemands(voice, campaign, theirs[0]!, page);
  if (theirs.length > 1) return organizationDemands(voice, named, theirs, named.length === 1 ? named[0]!.id : query, page);
  const signer = signatories(campaign).find((s) => ids.has(s.organization.id))?.organization;
  return errorReply(
    text(voice.t('demands-org-none', { names: named.map(shortName).join(', ') })),
    ...(signer ? [text(' '), ...voice.rich('demands-org-signed', { command: command(`/signatories ${shortName(signer)}`) })] : []),
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
  run({ options, voice }, _inv, { campaign }) {
    const query = String(options.filter ?? '').trim();
    const page = pageOf(options);
    const all = withDemands(campaign);
    if (!query) {
      return all[0] ? statementDemands(voice, campaign, all[0], page)
        : reply(message(voice.t('demands-none-title'), [paragraph(voice.t('demands-none'))]));
    }
    if (fold(query) === TOPICS) return topicList(voice, campaign, page);

    const byId = campaign.statementById.get(query.toLowerCase());
    if (byId && byId.demands.length > 0) return statementDemands(voice, campaign, byId, page);

    // An organisation, named in any script ("смк" is SMK): its own demands and those others quote from it.
    const named = campaign.organizations.filter((o) => namesExactly(o, query));
    if (named.length > 0) return ofOrganizations(voice, campaign, named, query, page);

    const statement = findStatement(campaign, query);
    if (statement && statement.demands.length > 0) return statementDemands(voice, campaign, statement, page);

    const topic = findTopic(campaign, query);
    if (topic) return topicDemands(voice, campaign, topic, page);
    return notFound(voice, campaign, query);
  },
};
