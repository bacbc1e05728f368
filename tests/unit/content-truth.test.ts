/**
 * The shipped campaign, corrected (issue 13, items 1–7 and 9): each
 * correction pinned on what the bot says, as the console shows it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import { signedOrWrote } from '../../src/commands/about.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import { reply } from '../../src/rich/build.js';
import type { Reply } from '../../src/rich/model.js';
import { reminderMessage } from '../../src/present/reminder.js';
import { invocation, testDispatcher, voice } from '../helpers/core.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false });

describe('the shipped campaign, corrected', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  const say = async (command: string, text = '', now?: Date): Promise<string> => {
    let r = await dispatcher.dispatch(invocation(command, text, now ? { now } : {}));
    const out = [plain(r)];
    while (r.paging && r.paging.page < r.paging.pages) {
      r = await dispatcher.dispatch(invocation(r.paging.command, `${r.paging.args} ${r.paging.page + 1}`, now ? { now } : {}));
      out.push(plain(r));
    }
    return out.join('\n');
  };
  const reminder = (id: string): string => {
    const e = services.campaign.events.find((x) => x.id === id)!;
    const m = reminderMessage(voice('en'), services.campaign, e, 2027 - e.year);
    return plain(reply(m.message, undefined, m.actions));
  };
  const label = (id: string): string => services.campaign.statementById.get(id)!.label;
  beforeAll(async () => { ({ dispatcher, services } = await testDispatcher()); });

  it('1. shows the RISE statement as co-ordinated by RISE, its author not named, and /about does not count RISE as signing or writing', async () => {
    for (const out of [await say('statement', 'rise-international-statement'), await say('sources', 'rise-international-statement')]) {
      expect(out).toContain('Author: not named in the source');
      expect(out).toContain('co-ordinated by Paul Murphy of the Irish organisation RISE');
      expect(out).toContain('Co-ordinated by: RISE');
      expect(out).not.toMatch(/Author: RISE|By: RISE/);
    }
    expect(await say('statements')).toContain(`${label('rise-international-statement')} — co-ordinated by RISE, author not named`);
    expect(signedOrWrote(services.campaign).map((o) => o.id)).not.toContain('rise');
    const about = await say('about');
    expect(about).toContain(`signed or written by ${signedOrWrote(services.campaign).length} organisations`);
    expect(about).toContain('One was co-ordinated by RISE.');
    // Still found by the organisation people know it by, and its demands say who co-ordinated them.
    expect(await say('statement', 'rise')).toContain('International statement of solidarity with the uprising in Kazakhstan');
    const demands = await say('demands', 'rise');
    expect(demands).toMatch(/co-ordinated by RISE, author not named in the source/i);
    expect(demands).toContain('Down with the dictatorship');
  });

  it('2. says wherever 16 December 2011 is shown that the statements do not give the day', async () => {
    const dec16 = new Date('2026-12-16T12:00:00Z');
    const before = new Date('2026-12-10T12:00:00Z');
    expect(await say('timeline')).toContain('16 December 2011 (day not in the statements)');
    expect(await say('timeline', 'zhanaozen-massacre-2011')).toContain('16 December 2011 (day not in the statements)');
    expect(reminder('zhanaozen-massacre-2011')).toContain('The date, 16 December 2011, is public record; the statements do not give it.');
    expect(await say('today', '', dec16)).toContain('The date, 16 December 2011, is public record; the statements do not give it.');
    expect(await say('next', '', before)).toContain('16 December 2011 (day not in the statements)');
    expect(await say('upcoming', '', before)).toContain('16 December 2011: day not in the statements');
    // Only there: a day a statement gives is shown plainly.
    const jan4 = new Date('2027-01-04T12:00:00Z');
    for (const out of [await say('today', '', jan4), reminder('tengizchevroil-strike'), await say('timeline', 'tengizchevroil-strike')]) {
      expect(out).not.toMatch(/public record|not in the statements/);
    }
  });

  it('3. gives Tengizchevroil’s 75% and 40,000 as quoted figures with their sources, not in its own voice', async () => {
    const e = services.campaign.events.find((x) => x.id === 'tengizchevroil-strike')!;
    expect(`${e.summary} ${e.reminder ?? ''}`).not.toMatch(/75|40,000/);
    const details = await say('timeline', 'tengizchevroil-strike');
    expect(details).toContain(`where the participation of American companies reaches 75%, went on strike. It was there that in December last year 40,000 workers were laid off and a new round of layoffs was planned.” (${label('smk-statement')})`);
    expect(details).toContain(`(in which the participation of American companies reaches 75%) went on strike. This is where 40,000 workers were laid off last December and another round of layoffs is expected.” (${label('solidarity-workers-kazakh-people')})`);
    expect(reminder('tengizchevroil-strike')).toContain(`another round of layoffs is expected.” — ${label('solidarity-workers-kazakh-people')}`);
  });

  it('4. names the miners as the source does: “miners of Armel or Mittal Temirtau”', async () => {
    const out = await say('timeline', 'tengizchevroil-strike');
    expect(out).toContain('"miners of Armel or Mittal Temirtau in Karaganda region and of copper smelters and miners of Kazakhmys corporation"');
    expect(out).not.toContain('miners in Temirtau');
    expect(await say('today', '', new Date('2027-01-04T12:00:00Z'))).not.toContain('miners in Temirtau');
  });

  it('5. says what is known of the unnamed party’s date and no more: undated, its header “N° 21 février 2022” read both ways', async () => {
    const out = await say('statement', 'solidarity-workers-kazakh-people');
    expect(out).toContain('Date: undated');
    expect(out).toContain('The text gives no date of writing.');
    expect(out).toContain('The page header reads "N° 21 février 2022": issue no. 21 of February 2022 or 21 February 2022, the page does not say which');
    for (const e of services.campaign.events) expect(await say('timeline', e.id)).not.toContain('statement of February 2022');
  });

  it('6. says why ICOR’s sub-heading “Stop the fascist methods of oppression” is not among its calls', async () => {
    const icor = services.campaign.statementById.get('icor-resolution')!;
    expect(icor.body).toContain('\n\nStop the fascist methods of oppression\n\n');
    expect(icor.demands.map((d) => d.text)).not.toContain('Stop the fascist methods of oppression');
    const out = await say('statement', 'icor-resolution');
    expect(out).toContain('Its sub-heading "Stop the fascist methods of oppression" is not counted among them');
  });

  it('7. tells the events of one day in the statements’ order and lists the statements in one order everywhere', async () => {
    const ids = services.campaign.events.map((e) => e.id);
    expect(ids.indexOf('tengizchevroil-strike')).toBeLessThan(ids.indexOf('almaty-night-4-5-january'));
    const jan4 = await say('today', '', new Date('2027-01-04T12:00:00Z'));
    expect(jan4.indexOf('Tengizchevroil')).toBeLessThan(jan4.indexOf('night of 4 to 5 January'));
    const order = services.campaign.statements.map((s) => s.label);
    expect(services.campaign.statements.map((s) => s.id)).toEqual(services.campaign.meta.statementOrder);
    const inOrder = (labels: string[]): void => {
      const ranks = labels.map((l) => order.indexOf(l));
      expect(ranks, labels.join(', ')).toEqual([...ranks].sort((a, b) => a - b));
    };
    const lists = [await say('statements'), await say('sources')];
    for (const out of lists) inOrder(order.filter((l) => out.includes(`- ${l} —`)).sort((a, b) => out.indexOf(`- ${a} —`) - out.indexOf(`- ${b} —`)));
    const said = [...await Promise.all(services.campaign.events.map((e) => say('timeline', e.id))),
      ...services.campaign.events.filter((e) => e.remind).map((e) => reminder(e.id))].join('\n');
    const sourceLines = said.split('\n').filter((l) => l.startsWith('Sources: '));
    expect(sourceLines.length).toBeGreaterThan(services.campaign.events.length);
    for (const l of sourceLines) inOrder(l.replace(/^Sources: /, '').replace(/\.$/, '').split(', '));
    // /demands: the featured statement first, then the others in the same order.
    const demandButtons = (await dispatcher.dispatch(invocation('demands', ''))).actions?.filter((a) => a.command === 'demands' && a.args !== 'topics').map((a) => a.args) ?? [];
    const withDemands = services.campaign.statements.filter((s) => s.demands.length > 0 && s.id !== services.campaign.meta.demandsFirst).map((s) => s.id);
    expect(demandButtons).toEqual(withDemands);
  });

  it('9. shows what the texts say of their publication in /statement and /sources', async () => {
    for (const command of ['statement', 'sources']) {
      const skp = await say(command, 'skp-statement');
      expect(skp).toContain('Published by: The International Section of the Communist Party of Sweden');
      expect(skp).toContain('Address: www.skp.se');
      const unnamed = await say(command, 'solidarity-workers-kazakh-people');
      expect(unnamed).toContain('Published: February 2022');
      expect(await say(command, 'rise-international-statement')).toContain('Published by: Republican Socialist Platform');
    }
    // Only what the texts say: the address is the one the SKP letterhead prints, nothing more.
    for (const s of services.campaign.statements) if (s.url) expect(s.body).toContain(s.url);
    for (const s of services.campaign.statements) if (s.publisher) expect(s.body).toContain(s.publisher.replace(/^The /, ''));
  });
});
