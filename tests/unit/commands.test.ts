/** Commands as plain functions over the shipped content: real output checked against the content. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Command, Services } from '../../src/commands/types.js';
import type { Reply } from '../../src/rich/model.js';
import { CHAT_SETTINGS } from '../../src/store/chat-settings.js';
import { invocation, testDispatcher } from '../helpers/core.js';

const plain = (r: Reply): string => renderReply(r, { ansi: false });
const squash = (s: string): string => s.replace(/\s+/g, ' ');

describe('commands', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  const run = async (command: string, text = '', extra: Parameters<typeof invocation>[2] = {}): Promise<Reply> =>
    dispatcher.dispatch(invocation(command, text, extra));
  beforeAll(async () => { ({ dispatcher, services } = await testDispatcher()); });

  it('/demands shows the Socialist Movement of Kazakhstan first, word for word', async () => {
    const reply = await run('demands');
    const smk = services.campaign.statementById.get('smk-statement')!;
    expect(smk.demands).toHaveLength(6);
    const first = plain({ messages: [reply.messages[0]!] });
    for (const d of smk.demands) expect(first).toContain(d.text);
    expect(first).toContain('Legalize the activities of the banned Communist Party of Kazakhstan');
    // Every statement with demands is there.
    expect(reply.messages).toHaveLength(services.campaign.statements.filter((s) => s.demands.length).length);
  });

  it('/demands by organisation includes demands quoted by others, by topic filters demands', async () => {
    const smk = plain(await run('demands', 'smk'));
    expect(smk).toContain('as quoted by: Sveriges Kommunistiska Parti');
    const nationalisation = plain(await run('demands', 'Nationalization'));
    expect(nationalisation).toContain('to nationalize all extractive and large-scale industries');
    expect(nationalisation).not.toContain('Release of all political prisoners');
  });

  it('/signatories france lists UC and UPML only; accents and case do not matter', async () => {
    const out = plain(await run('signatories', 'france'));
    expect(out).toMatch(/UC — Unité Communiste \(Communist United\), France/);
    expect(out).toMatch(/UPML — Union Proletarienne Marxiste-Léniniste/);
    expect(out).toContain('2 signatories matching');
    const ivory = plain(await run('signatories', "cote d'ivoire"));
    expect(ivory).toContain('PCPCI');
    expect(plain(await run('signatories', 'FRANCE'))).toBe(out.replace('“france”', '“FRANCE”'));
    expect(plain(await run('signatories', 'бкп'))).toContain('Българска Комунистическа Партия');
  });

  it('/signatories pages forward and back, and refuses a page that does not exist', async () => {
    const first = await run('signatories');
    expect(first.paging).toEqual({ page: 1, pages: 4, command: 'signatories', args: '' });
    const second = await run('signatories', '2');
    expect(plain(second)).toContain('page 2 of 4');
    expect(plain(second)).toContain('MLPD');
    expect(plain(first)).not.toContain('MLPD');
    const bad = await run('signatories', '9');
    expect(bad.ephemeral).toBe(true);
    expect(plain(bad)).toContain('4 pages');
  });

  it('/signatories with no match suggests the closest', async () => {
    const reply = await run('signatories', 'frnace');
    expect(reply.ephemeral).toBe(true);
    expect(plain(reply)).toContain('/signatories France');
  });

  it('/next in late November 2026 names the 15th anniversary of Zhanaozen on 16 December', async () => {
    const out = plain(await run('next', '', { now: new Date('2026-11-22T12:00:00Z') }));
    expect(out).toContain('16 December 2026, in 24 days');
    expect(out).toContain('15th anniversary');
    expect(out).toContain('Zhanaozen');
  });

  it('/next after Zhanaozen names the 5th anniversary of the uprising in January 2027', async () => {
    const out = plain(await run('next', '', { now: new Date('2026-12-20T12:00:00Z') }));
    expect(out).toContain('2 January 2027');
    expect(out).toContain('5th anniversary');
  });

  it('/today follows the chat time zone once it has one', async () => {
    // 20:00 UTC on 15 December is already 16 December in Almaty (UTC+5) but not in New York.
    const now = new Date('2026-12-15T20:00:00Z');
    expect(plain(await run('today', '', { now }))).toContain('15 years ago today');
    await services.store.set(CHAT_SETTINGS, 'console:ny', { timeZone: 'America/New_York' });
    const ny = plain(await run('today', '', { now, chat: { chatId: 'ny' } }));
    expect(ny).toContain('15 December 2026 (America/New_York)');
    expect(ny).toContain('Nothing in the timeline happened on this day');
  });

  it('/statement gives summary, facts and demands, then the full text', async () => {
    const reply = await run('statement', 'icor');
    expect(reply.messages).toHaveLength(2);
    const out = squash(plain(reply));
    expect(out).toContain('Signatories: 31 as of 21 January 2022');
    const icor = services.campaign.statementById.get('icor-resolution')!;
    for (const p of icor.paragraphs) expect(out).toContain(squash(p));
  });

  it('/statement with an unknown id names the ids that would work', async () => {
    const reply = await run('statement', 'icro-resolution');
    expect(reply.ephemeral).toBe(true);
    expect(plain(reply)).toContain('/statement icor-resolution');
    const missing = await run('statement');
    expect(plain(missing)).toContain('Usage: /statement <id>');
  });

  it('/timeline and /sources give every figure with its source, both sides of a disagreement', async () => {
    for (const out of [plain(await run('timeline')), plain(await run('sources'))]) {
      expect(out).toContain('17 killed');
      expect(out).toContain('16 killed');
      expect(out).toContain('more than 8,000 arrested');
      expect(out).toContain('more than 3,000 arrested');
    }
  });

  it('/help is generated from the list; /help <command> explains one', async () => {
    const out = plain(await run('help'));
    for (const c of services.commands) expect(out).toContain(`/${c.name}`);
    expect(plain(await run('help', 'signatories'))).toContain('Usage: /signatories [country | name | abbreviation] [page]');
  });

  it('an unknown command suggests the closest one', async () => {
    const reply = await run('demnads');
    expect(reply.ephemeral).toBe(true);
    expect(plain(reply)).toContain('Unknown command /demnads. Did you mean /demands?');
  });

  it('admin-only commands refuse members with a short reason, and a failing command answers politely', async () => {
    const secret: Command = { name: 'secret', description: 'x', options: [], access: 'admin', run: () => ({ messages: [{ blocks: [] }] }) };
    const broken: Command = { name: 'broken', description: 'x', options: [], access: 'everyone', run: () => { throw new Error('boom'); } };
    const d = new Dispatcher({ ...services, commands: [secret, broken] });
    const refused = await d.dispatch(invocation('secret', '', { role: 'member', chat: { kind: 'group' } }));
    expect(plain(refused)).toBe('Only admins of this chat can use /secret.');
    expect((await d.dispatch(invocation('secret', '', { role: 'admin' }))).ephemeral).toBeUndefined();
    const failed = await d.dispatch(invocation('broken'));
    expect(plain(failed)).toMatch(/something went wrong/);
    expect(plain(failed)).not.toContain('boom');
  });
});

describe('completion choices', () => {
  it('offers at most 25 choices, filtered by what is typed, accent-insensitively', async () => {
    const { choicesFor } = await import('../../src/commands/choices.js');
    const { services } = await testDispatcher();
    const everyone = choicesFor('signatories', services.campaign, '');
    expect(everyone).toHaveLength(25);
    expect(choicesFor('signatories', services.campaign, 'fra')[0]).toEqual({ name: 'France (country)', value: 'France' });
    expect(choicesFor('countries', services.campaign, 'ivory').map((c) => c.value)).toEqual(['Ivory Coast']);
    expect(choicesFor('signatories', services.campaign, 'unite').map((c) => c.value)).toContain('UC');
    expect(choicesFor('statements', services.campaign, 'icor').map((c) => c.value)).toEqual(['icor-resolution']);
    expect(choicesFor('timezones', services.campaign, 'Asia/Alm').map((c) => c.value)).toEqual(['Asia/Almaty']);
    for (const c of choicesFor('topics', services.campaign, '')) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});
