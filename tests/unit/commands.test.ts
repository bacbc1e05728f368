/** Commands as plain functions over the shipped content: real output checked against the content. */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReply } from '../../adapters/console/render.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import { TEXT_PIECE } from '../../src/commands/statement.js';
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

  /** Every page of an answer, following its paging, as plain text. */
  /** A statement's short label, as the content gives it. */
  const label = (id: string): string => services.campaign.statementById.get(id)!.label;

  const pages = async (command: string, text = ''): Promise<string[]> => {
    const out: string[] = [];
    let reply = await run(command, text);
    for (;;) {
      out.push(plain({ messages: reply.messages }));
      const p = reply.paging;
      if (!p || p.page >= p.pages) return out;
      reply = await run(p.command, `${p.args} ${p.page + 1}`.trim());
    }
  };

  it('/demands shows the Socialist Movement of Kazakhstan first, word for word, with buttons to the others and the topics', async () => {
    const reply = await run('demands');
    const smk = services.campaign.statementById.get('smk-statement')!;
    expect(smk.demands).toHaveLength(6);
    expect(reply.messages).toHaveLength(1);
    const first = squash(plain({ messages: reply.messages }));
    expect(first).toContain(`Demands — ${label('smk-statement')}`);
    for (const d of smk.demands) expect(first).toContain(squash(d.text));
    expect(first).toContain('Legalize the activities of the banned Communist Party of Kazakhstan');
    // Every other statement with demands is one tap away, and so are the topics.
    const others = services.campaign.statements.filter((s) => s.demands.length && s.id !== 'smk-statement');
    expect(reply.actions?.filter((a) => a.command === 'demands').map((a) => a.args).sort()).toEqual([...others.map((s) => s.id), 'topics'].sort());
    for (const s of others) {
      const theirs = squash((await pages('demands', s.id)).join('\n'));
      for (const d of s.demands) expect(theirs).toContain(squash(d.text));
    }
  });

  it('/demands by organisation includes demands quoted by others, page by page; by topic groups demands by short label', async () => {
    const smkPages = await pages('demands', 'smk');
    expect(smkPages.length).toBeGreaterThan(1);
    const smk = squash(smkPages.join('\n'));
    expect(smk).toContain(`${label('skp-statement')} — demands of Socialist Movement of Kazakhstan, as quoted in the ${label('skp-statement')}`);
    for (const id of ['smk-statement', 'skp-statement']) {
      for (const d of services.campaign.statementById.get(id)!.demands) expect(smk).toContain(squash(d.text));
    }
    const nationalisation = squash((await pages('demands', 'Nationalization')).join('\n'));
    expect(nationalisation).toContain('to nationalize all extractive and large-scale industries');
    expect(nationalisation).toContain(label('smk-statement'));
    expect(nationalisation).not.toContain('Statement by the Socialist Movement of Kazakhstan');
    expect(nationalisation).not.toContain('Release of all political prisoners');
    const prisoners = plain(await run('demands', 'prisoners'));
    expect(prisoners).not.toMatch(/statement\(s\)/);
    const topics = await run('demands', 'topics');
    expect(topics.actions?.map((a) => a.args)).toContain('prisoners');
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

  it('/signatories with no match suggests the closest, never the text that just failed', async () => {
    const reply = await run('signatories', 'frnace');
    expect(reply.ephemeral).toBe(true);
    expect(plain(reply)).toContain('/signatories France');
    const sweden = await run('signatories', 'Sweden');
    expect(plain(sweden)).not.toContain('/signatories Sweden');
    expect(plain(sweden)).toContain(`No organisation from Sweden signed a statement here. Sveriges Kommunistiska Parti (SKP) wrote one: ${label('skp-statement')}.`);
    expect(sweden.actions?.[0]).toMatchObject({ command: 'statement', args: 'skp-statement' });
    for (const typed of ['zzzz', 'kazakhstan', 'SMK']) {
      const out = plain(await run('signatories', typed));
      expect(out, typed).not.toContain(`/signatories ${typed}`);
    }
  });

  it('/signatories says so when no statement lists signatories, and writes singulars and plurals properly', async () => {
    const campaign = services.campaign;
    const none = new Dispatcher({ ...services, campaign: { ...campaign, statements: campaign.statements.map((s) => ({ ...s, signatories: undefined })) } });
    const out = plain(await none.dispatch(invocation('signatories')));
    expect(out).toContain('No statement here lists signatories.');
    expect(out).not.toMatch(/\b0 organisations|Signed: \./);
    const one = plain(await run('signatories', 'MLPD'));
    expect(one).toContain('1 signatory matching “MLPD”');
    expect(one).toContain(`Signed: ${label('icor-resolution')} (list as of 21 January 2022).`);
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

  it('/statement gives summary, facts and demands in one message a page, and the full text page by page', async () => {
    const reply = await run('statement', 'icor');
    expect(reply.messages).toHaveLength(1);
    const card = squash((await pages('statement', 'icor')).join('\n'));
    expect(card).toContain('Signatories: 31 as of 21 January 2022');
    const icor = services.campaign.statementById.get('icor-resolution')!;
    expect(card).toContain(icor.title);
    for (const d of icor.demands) expect(card).toContain(squash(d.text));
    expect(reply.actions?.[0]).toEqual({ label: 'Full text', command: 'statement', args: 'icor-resolution text' });
    for (const s of services.campaign.statements) {
      // The pages' texts without their titles, one after the other: the body, word for word.
      const text = (await pages('statement', `${s.id} text`)).map((page) => page.replace(/^# .*\n\n/, ''));
      expect(squash(text.join('\n'))).toBe(squash(s.paragraphs.join('\n')));
      // A paragraph is cut over pages only when it is too long for one.
      for (const p of s.paragraphs.filter((x) => x.length <= TEXT_PIECE)) {
        expect(text.some((page) => squash(page).includes(squash(p))), `${s.id}: ${p.slice(0, 40)}`).toBe(true);
      }
    }
  });

  it('/statement with an unknown id names the ids that would work', async () => {
    const reply = await run('statement', 'icro-resolution');
    expect(reply.ephemeral).toBe(true);
    expect(plain(reply)).toContain('/statement icor-resolution');
    const missing = await run('statement');
    expect(plain(missing)).toContain('Usage: /statement <id>');
  });

  it('/timeline lists dates and titles with a button per event; an event gives its figures each with its source', async () => {
    const list = await run('timeline');
    const out = plain(list);
    expect(out).toContain('16 December 2011 (day not in the statements) — Striking oil workers killed in Zhanaozen');
    expect(out).not.toContain('Back in 2011');
    expect(list.actions?.map((a) => a.args)).toEqual(services.campaign.events.map((e) => e.id));
    const zhanaozen = plain(await run('timeline', 'zhanaozen-massacre-2011'));
    expect(zhanaozen).toContain(`17 killed — “Thus in Zhanaozen, an important industrial center, the 2011 repression of demonstrations left 17 dead.” (${label('solidarity-workers-kazakh-people')})`);
    expect(zhanaozen).toContain(`16 killed — “Back in 2011, security forces in Zhanaozen fired on striking oil workers, killing 16 of them.” (${label('icor-resolution')})`);
    expect(zhanaozen).toContain('Note: The date, 16 December 2011, is public record');
    const uprising = squash((await pages('timeline', 'uprising-begins')).join('\n'));
    expect(uprising).toContain(`more than 8,000 arrested — “more than 8,000 have been arrested” (${label('rise-international-statement')}`);
    expect(uprising).toContain('more than 3,000 arrested');
    expect(uprising).toContain('do not say on which day they counted');
  });

  it('/sources gives short labels, both sides of each disagreement with their sources, and each source one tap away', async () => {
    const first = await run('sources');
    expect(first.actions?.map((a) => a.args).sort()).toEqual(services.campaign.statements.map((s) => s.id).sort());
    const out = squash((await pages('sources')).join('\n'));
    expect(out).toContain(`${label('icor-resolution')} — ICOR, undated`);
    expect(out).not.toContain('Solidarity with the workers and popular masses');
    for (const figure of ['17 killed', '16 killed', 'over 160 protesters killed', 'at least 225 demonstrators shot', 'more than 8,000 arrested', 'more than 3,000 arrested']) {
      expect(out).toContain(figure);
    }
    expect(out).toContain(`“Over 160 protesters have been killed so far” (${label('rise-international-statement')}`);
    const icor = squash((await pages('sources', 'icor-resolution')).join('\n'));
    expect(icor).toContain('ICOR resolution: Solidarity with the workers and popular masses in Kazakhstan!');
    expect(icor).toContain('Signatories: 31 as of 21 January 2022');
    expect(icor).toContain('16 killed');
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
    const secret: Command = { name: 'secret', options: [], access: 'admin', run: () => ({ messages: [{ blocks: [] }] }) };
    const broken: Command = { name: 'broken', options: [], access: 'everyone', run: () => { throw new Error('boom'); } };
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
