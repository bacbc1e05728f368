/** /sources — where every statement comes from, and where the sources disagree. */
import { bullets, code, heading, italic, message, paragraph, reply, text } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import { formatDay } from '../schedule/calendar.js';
import type { Command } from './types.js';
import { authorText, dateText, figureSpans, sentence } from './present.js';

export const sources: Command = {
  name: 'sources',
  description: 'Where each statement comes from, and where the sources disagree',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    const list = bullets(campaign.statements.map((s) => [
      code(s.id), text(` “${s.title}” — ${authorText(s)}; ${sentence(dateText(s))} ${sentence(s.source)}`),
    ]));
    const disputed: Block[] = campaign.events
      .filter((e) => new Set(e.figures.map((f) => f.source)).size > 1)
      .flatMap((e) => [
        heading(`${formatDay(e)} — ${e.title}`),
        bullets(e.figures.map((_, i) => figureSpans(campaign, e, i))),
        ...(e.note ? [paragraph(italic(e.note))] : []),
      ]);
    return reply([
      message('Sources', [list, paragraph('Every figure this bot gives names the statement it comes from.')]),
      ...(disputed.length ? [message('Where the sources disagree', disputed)] : []),
    ]);
  },
};
