/**
 * Property: every number the bot says in its own voice about an event —
 * /timeline <event>, /today, /next and the reminder — is inside a quoted
 * figure with its source's label (or is its value), or a date, a year, an
 * ordinal, a count of years or days. A bare figure written into a summary,
 * a note or a title fails it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import { commands } from '../../src/commands/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Campaign, CampaignEvent } from '../../src/content/campaign.js';
import { reply } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { reminderMessage } from '../../src/present/reminder.js';
import { openStore } from '../../src/store/open.js';
import { invocation, shippedCampaign, voice } from '../helpers/core.js';
import { bareNumbers } from '../helpers/own-voice.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false });
const pad = (n: number): string => String(n).padStart(2, '0');
/** Noon UTC on the event's anniversary in `year` (afternoon in Almaty, same day). */
const onAnniversary = (e: CampaignEvent, year: number, dayOffset = 0): Date =>
  new Date(Date.parse(`${year}-${pad(e.month)}-${pad(e.day)}T12:00:00Z`) + dayOffset * 86_400_000);

/** Everything the bot says about each event, as the console shows it, every page followed. */
async function whatTheBotSays(campaign: Campaign): Promise<Map<string, string>> {
  const dispatcher = new Dispatcher({ campaign, store: await openStore('memory://'), commands });
  const run = (command: string, text: string, now?: Date): Promise<Reply> =>
    dispatcher.dispatch(invocation(command, text, now ? { now } : {}));
  const out = new Map<string, string>();
  for (const e of campaign.events) {
    const parts: string[] = [];
    let r = await run('timeline', e.id);
    parts.push(plain(r));
    while (r.paging && r.paging.page < r.paging.pages) {
      r = await run(r.paging.command, `${r.paging.args} ${r.paging.page + 1}`);
      parts.push(plain(r));
    }
    parts.push(plain(await run('today', '', onAnniversary(e, 2027))));
    if (e.remind) {
      parts.push(plain(await run('next', '', onAnniversary(e, 2027, -1))));
      const m = reminderMessage(voice('en'), campaign, e, 2027 - e.year);
      parts.push(plain(reply(m.message, undefined, m.actions)));
    }
    out.set(e.id, parts.join('\n'));
  }
  return out;
}

describe('every number in the bot’s own voice for an event is a quoted figure with a source', () => {
  let campaign: Campaign;
  beforeAll(async () => { campaign = await shippedCampaign(); });

  it('holds for every event of the shipped campaign', async () => {
    const said = await whatTheBotSays(campaign);
    expect(said.size).toBe(campaign.events.length);
    for (const [id, text] of said) expect(bareNumbers(campaign, text), id).toEqual([]);
    // The figures themselves are there, quoted: the check did not pass by saying nothing.
    expect(said.get('tengizchevroil-strike')).toContain('where the participation of American companies reaches 75%, went on strike.');
    expect(said.get('zhanaozen-massacre-2011')).toContain('killing 16 of them.” — ICOR resolution');
  });

  it('fails when someone writes a bare figure into a summary, a note or a title', async () => {
    const edits: readonly ((e: CampaignEvent) => CampaignEvent)[] = [
      (e) => ({ ...e, summary: `${e.summary} About 12,000 workers joined.` }),
      (e) => ({ ...e, note: 'Some say 200 were killed.' }),
      (e) => ({ ...e, title: `${e.title}: 40,000 laid off` }),
      (e) => ({ ...e, reminder: 'Oil workers at Tengizchevroil, 75% American-owned, went on strike.' }),
    ];
    for (const edit of edits) {
      const broken: Campaign = { ...campaign, events: campaign.events.map((e) => (e.id === 'tengizchevroil-strike' ? edit(e) : e)) };
      const said = await whatTheBotSays(broken);
      expect(bareNumbers(broken, said.get('tengizchevroil-strike')!)).not.toEqual([]);
    }
  });

  it('fails on a figure in quotation marks that no statement says, or whose statement is not named', () => {
    expect(bareNumbers(campaign, '- 500 killed — “500 people were killed” (SMK statement)')).not.toEqual([]);
    expect(bareNumbers(campaign, 'They say “killing 16 of them”.')).not.toEqual([]);
    expect(bareNumbers(campaign, '- 16 killed — “killing 16 of them” (ICOR resolution)')).toEqual([]);
  });
});
