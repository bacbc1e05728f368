/**
 * /statement <id> [text] [page] — one statement shown whole: summary, author,
 * date, source and demands verbatim (paged when long), and its full text page
 * by page behind a "Full text" button.
 */
import type { Campaign, Statement } from '../content/campaign.js';
import { findStatement } from '../content/queries.js';
import { formatContentDate } from '../time/calendar.js';
import { action, bold, command, errorReply, italic, paragraph, text } from '../rich/build.js';
import type { Reply } from '../rich/model.js';
import { closest } from '../text/closest.js';
import { clip, fold } from '../text/fold.js';
import { PAGE_OPTION, pageOf, pagedReply, splitText, withPage, type Piece } from '../present/pages.js';
import { plural, provenancePieces, shortName } from '../present/present.js';
import type { Command } from './types.js';

/** The argument that asks for the full text. */
const TEXT = 'text';
/** Longest paragraph a page of the full text holds whole (a longer one is cut at lines, sentences or words). */
export const TEXT_PIECE = 1_200;

function card(s: Statement, page: number): Reply {
  const pieces: Piece[] = [
    { block: paragraph(s.summary) },
    ...provenancePieces(s),
  ];
  if (s.signatories) {
    const asOf = s.signatories.asOf ? ` as of ${formatContentDate(s.signatories.asOf)}` : '';
    pieces.push({ block: paragraph(bold('Signatories: '), `${s.signatories.organizations.length}${asOf}`,
      s.signatories.note ? ` (${s.signatories.note})` : '', ' — ', command('/signatories')) });
  }
  if (s.demands.length > 0) {
    const header = paragraph(bold(s.demandsBy ? `Demands (of ${shortName(s.demandsBy)}, as quoted)` : 'Demands'));
    pieces.push({ block: header, keepWithNext: true });
    if (s.demandsNote) pieces.push({ block: paragraph(italic(s.demandsNote)), keepWithNext: true });
    pieces.push(...s.demands.map((d, i): Piece => ({ item: [text(d.text)], list: 'demands', ordered: true, number: i + 1, header })));
  }
  return pagedReply({
    title: s.title, pieces, page, command: 'statement', args: s.id,
    actions: [action('Full text', 'statement', `${s.id} ${TEXT}`), action('Where it comes from', 'sources', s.id), action('All statements', 'statements')],
  });
}

function fullText(s: Statement, page: number): Reply {
  const pieces = s.paragraphs.flatMap((p) => splitText(p, TEXT_PIECE).map((part): Piece => ({ block: paragraph(part) })));
  return pagedReply({
    title: `${s.title} — full text`, pieces, page, command: 'statement', args: `${s.id} ${TEXT}`,
    actions: [action('Summary and demands', 'statement', s.id), action('All statements', 'statements')],
  });
}

function notFound(campaign: Campaign, query: string): Reply {
  const ids = campaign.statements.map((s) => s.id);
  const guess = closest(query, ids).find((g) => g !== fold(query));
  return errorReply(
    text(`No statement “${clip(query)}”. `),
    ...(guess ? [text('Did you mean '), command(`/statement ${guess}`), text('? ')] : []),
    text(`${plural(ids.length, 'statement', 'statements')}: `), command('/statements'), text('.'),
  );
}

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
    const m = /^(.*?)\s+text$/isu.exec(rest);
    return { id: (m ? m[1]! : rest).trim() || undefined, ...(m ? { part: TEXT } : {}), page };
  },
  run({ options }, _inv, { campaign }) {
    const query = String(options.id ?? '').trim();
    const s = findStatement(campaign, query);
    if (!s) return notFound(campaign, query);
    const part = String(options.part ?? '').trim().toLowerCase();
    if (part && part !== TEXT) return errorReply(text('The part to show is '), command(`/statement ${s.id} ${TEXT}`), text(' (the full text), or none.'));
    return part === TEXT ? fullText(s, pageOf(options)) : card(s, pageOf(options));
  },
};
