/**
 * The reminder itself: "15 years ago today, in Zhanaozen", the event, its
 * summary with its sources, each figure with its own source, the note where
 * the sources disagree or the date is public record only, and where to find
 * the related demands.
 */
import { figureSpans, sourcesText } from '../commands/present.js';
import type { Campaign, CampaignEvent } from '../content/campaign.js';
import { bullets, code, heading, italic, message, paragraph, text } from '../rich/build.js';
import type { Block, RichMessage, Span } from '../rich/model.js';
import { formatDay } from './calendar.js';

/** "15 years ago today, in Zhanaozen" / "1 year ago today". */
export function reminderTitle(event: Pick<CampaignEvent, 'place'>, years: number): string {
  return `${years} year${years === 1 ? '' : 's'} ago today${event.place ? `, in ${event.place}` : ''}`;
}

/** Topics of the event that some demand is tagged with (so `/demands <topic>` finds something). */
function demandTopics(campaign: Campaign, event: CampaignEvent): string[] {
  return event.topics.filter((t) => campaign.statements.some((s) => s.demands.some((d) => d.topics.includes(t))));
}

/** The pointer to the related demands: `/demands <topic>` per topic, else `/demands`. */
function demandsPointer(campaign: Campaign, event: CampaignEvent): Block {
  const topics = demandTopics(campaign, event);
  if (topics.length === 0) return paragraph('The demands of the campaign, word for word: ', code('/demands'), '.');
  const spans: Span[] = [text('The related demands, word for word: ')];
  topics.forEach((t, i) => spans.push(...(i > 0 ? [text(', ')] : []), code(`/demands ${t}`)));
  spans.push(text('; all of them: '), code('/demands'), text('.'));
  return paragraph(...spans);
}

/** The reminder for `event`, `years` after it happened. */
export function reminderMessage(campaign: Campaign, event: CampaignEvent, years: number): RichMessage {
  const blocks: Block[] = [
    heading(`${event.title} — ${formatDay(event)}`),
    paragraph(event.summary),
    paragraph(italic(`Sources: ${sourcesText(campaign, event.sources)}`)),
  ];
  if (event.figures.length > 0) {
    blocks.push(paragraph('Figures, each as its source gives it:'));
    blocks.push(bullets(event.figures.map((_, i) => figureSpans(campaign, event, i))));
  }
  if (event.note) blocks.push(paragraph(italic(`Note: ${event.note}`)));
  blocks.push(demandsPointer(campaign, event));
  return message(reminderTitle(event, years), blocks);
}
