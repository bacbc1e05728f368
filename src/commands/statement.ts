/**
 * /statement <id> [text] [page] — one statement shown whole: summary, author,
 * date, source and demands verbatim (paged when long), and its full text page
 * by page behind a "Full text" button.
 */
import type { Campaign, Statement } from '../content/campaign.js';
import { findStatement } from '../content/queries.js';
import { action, bold, command, errorReply, italic, link, paragraph, text } from '../rich/build.js';
import { statementUrl } from '../present/site-urls.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, splitText, withPage, type Piece } from '../present/pages.js';
import { didYouMean, provenancePieces, quotedInOriginal, shortName, signatoryCountSpans } from '../present/present.js';
import type { Voice } from '../i18n/voice.js';
import type { Command } from './types.js';

/** The argument that asks for the full text. */
const TEXT = 'text';
/** Longest paragraph a page of the full text holds whole (a longer one is cut at lines, sentences or words). */
export const TEXT_PIECE = 1_200;

function card(voice: Voice, s: Statement, page: number, publicUrl: string | undefined): Reply {
  const web = statementUrl(publicUrl, voice.language, s.id);
  const pieces: Piece[] = [
    { block: paragraph(s.summary) },
    ...provenancePieces(voice, s),
  ];
  if (s.signatories) {
    pieces.push({ block: paragraph(...signatoryCountSpans(voice, s.signatories),
      s.signatories.note ? ` (${s.signatories.note})` : '', ' — ', command('/signatories')) });
  }
  if (s.demands.length > 0) {
    const header = paragraph(bold(s.demandsBy ? voice.t('statement-demands-of', { org: shortName(s.demandsBy) }) : voice.t('statement-demands')));
    pieces.push({ block: header, keepWithNext: true });
    if (s.demandsNote) pieces.push({ block: paragraph(italic(s.demandsNote)), keepWithNext: true });
    pieces.push(...s.demands.map((d, i): Piece => ({ item: [text(d.text)], list: 'demands', ordered: true, number: i + 1, header })));
  }
  return pagedReply({
    title: s.title, pieces,
    foot: [...(s.demands.length > 0 ? quotedInOriginal(voice) : []), ...(web === undefined ? [] : [paragraph(...voice.rich('web-link-statement', { link: link(web, web) }))])], page, command: 'statement', args: s.id, voice,
    actions: [
      action(voice.t('statement-button-full-text'), 'statement', `${s.id} ${TEXT}`),
      action(voice.t('statement-button-where-from'), 'sources', s.id),
      action(voice.t('content-button-all-statements'), 'statements'),
    ],
  });
}

function fullText(voice: Voice, s: Statement, page: number): Reply {
  const pieces = s.paragraphs.flatMap((p) => splitText(p, TEXT_PIECE).map((part): Piece => ({ block: paragraph(part) })));
  return pagedReply({
    title: voice.t('statement-full-text-title', { title: s.title }), pieces, foot: quotedInOriginal(voice),
    page, command: 'statement', args: `${s.id} ${TEXT}`, voice,
    actions: [action(voice.t('statement-button-summary'), 'statement', s.id), action(voice.t('content-button-all-statements'), 'statements')],
  });
}

function notFound(voice: Voice, campaign: Campaign, query: string): Reply {
  const ids = campaign.statements.map((s) => s.id);
  const guess = closest(query, ids).find((g) => g !== fold(query));
  return errorReply(
    text(voice.t('content-no-statement', { query: clip(query) })), text(' '),
    ...(guess ? [...didYouMean(voice, [command(`/statement ${guess}`)]), text(' ')] : []),
    ...voice.rich('statement-count-hint', { count: ids.length, command: command('/statements') }),
  );
}

/** The word that asks for the full text, in any of the languages ("text", "текст", "мәтін"). */
const TEXT_WORDS = /^(.*?)\s+(?:text|текст|мәтін)$/isu; // i18n-exempt: words people type, not shown

/** /statement: one statement shown whole, its full text page by page. */
export const statement: Command = {
  name: 'statement',
  access: 'everyone',
  cacheable: true,
  options: [
    { name: 'id', type: 'string', required: true, choices: 'statements' },
    { name: 'part', type: 'string' },
    PAGE_OPTION,
  ],
  parse(raw) {
    const { rest, page } = withPage(raw);
    const m = TEXT_WORDS.exec(rest);
    return { id: (m ? m[1]! : rest).trim() || undefined, ...(m ? { part: TEXT } : {}), page };
  },
  run({ options, voice }, _inv, { campaign, publicUrl }) {
    const query = String(options.id ?? '').trim();
    const s = findStatement(campaign, query);
    if (!s) return notFound(voice, campaign, query);
    const part = String(options.part ?? '').trim().toLowerCase();
    const full = part !== '' && TEXT_WORDS.test(`x ${part}`);
    if (part && !full) return errorReply(...voice.rich('statement-bad-part', { command: command(`/statement ${s.id} ${TEXT}`) }));
    return full ? fullText(voice, s, pageOf(options)) : card(voice, s, pageOf(options), publicUrl);
  },
};
