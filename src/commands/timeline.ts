/** /timeline — the campaign's events in order, each with its sources and figures. */
import { bullets, heading, italic, message, paragraph, reply } from '../rich/build.js';
import type { Block } from '../rich/model.js';
import { formatDay } from '../schedule/calendar.js';
import type { Command } from './types.js';
import { figureSpans, sourcesText } from './present.js';

export const timeline: Command = {
  name: 'timeline',
  description: 'The events in order, each with its sources',
  access: 'everyone',
  cacheable: true,
  options: [],
  run(_args, _inv, { campaign }) {
    const blocks: Block[] = campaign.events.flatMap((e) => [
      heading(`${formatDay(e)} — ${e.title}`),
      paragraph(e.summary),
      ...(e.figures.length ? [bullets(e.figures.map((_, i) => figureSpans(campaign, e, i)))] : []),
      ...(e.note ? [paragraph(italic(`Note: ${e.note}`))] : []),
      paragraph(italic(`Sources: ${sourcesText(campaign, e.sources)}`)),
    ]);
    return reply(message('Timeline', blocks));
  },
};
