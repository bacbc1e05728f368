/**
 * Answers that fit a phone (DESIGN.md, "Replies that fit a chat"): every
 * command, with representative arguments, answers with one message of at
 * most 1,500 characters (the console's plain text, title included); every
 * action of every answer, and every page move, two levels deep, leads to such
 * an answer; no command hint is written as code, no plural as “(s)”.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMessage } from '../../adapters/console/render.js';
import type { Dispatcher } from '../../src/commands/dispatch.js';
import type { Services } from '../../src/commands/types.js';
import type { Action, Block, Reply, Span } from '../../src/rich/model.js';
import { CHAT_SETTINGS } from '../../src/store/chat-settings.js';
import { invocation, testDispatcher } from '../helpers/core.js';

const LIMIT = 1_500;
const length = (r: Reply): number => renderMessage(r.messages[0]!, { ansi: false }).length;
const NOW = new Date('2026-12-16T06:00:00Z');

const spansOf = (b: Block): readonly Span[] => (b.type === 'list' ? b.items.flat() : b.spans);

/** Where the reply breaks the rules; [] when it keeps them. */
function problems(r: Reply, what: string): string[] {
  const out: string[] = [];
  if (r.messages.length !== 1) out.push(`${what}: ${r.messages.length} messages`);
  const n = r.messages[0] ? length(r) : 0;
  if (n > LIMIT) out.push(`${what}: ${n} characters`);
  const actions = r.actions ?? [];
  if (actions.length > 12) out.push(`${what}: ${actions.length} actions`);
  for (const a of actions) if (a.label.length > 30) out.push(`${what}: label “${a.label}” is ${a.label.length} characters`);
  for (const m of r.messages) {
    for (const s of m.blocks.flatMap(spansOf)) if (s.code && s.text.startsWith('/')) out.push(`${what}: command hint as code: ${s.text}`);
    if (/\w\(s\)/.test(renderMessage(m, { ansi: false }))) out.push(`${what}: a “(s)” plural`);
  }
  return out;
}

/** What can be pressed under a reply: its actions and its page moves. */
function pressable(r: Reply): Action[] {
  const p = r.paging;
  const moves: Action[] = [];
  if (p && p.page > 1) moves.push({ label: 'Previous', command: p.command, args: `${p.args} ${p.page - 1}`.trim() });
  if (p && p.page < p.pages) moves.push({ label: 'Next', command: p.command, args: `${p.args} ${p.page + 1}`.trim() });
  return [...(r.actions ?? []), ...moves];
}

describe('every answer fits a phone', () => {
  let dispatcher: Dispatcher;
  let services: Services;
  const ask = (command: string, text: string, now = NOW): Promise<Reply> => dispatcher.dispatch(invocation(command, text, { now, role: 'admin' }));
  beforeAll(async () => {
    ({ dispatcher, services } = await testDispatcher());
    await services.store.set(CHAT_SETTINGS, 'console:test', { subscribed: true, timeZone: 'Asia/Almaty', reminderTime: '09:00' });
  });

  /** Every command with the arguments people use, and every statement, event and topic. */
  function tried(): [string, string][] {
    const c = services.campaign;
    return [
      ['start', ''], ['help', ''], ['help', 'signatories'], ['about', ''],
      ['demands', ''], ['demands', 'smk'], ['demands', 'smk 2'], ['demands', 'topics'], ['demands', 'ICOR'],
      ...c.statements.map((s): [string, string] => ['demands', s.id]),
      ...c.topics.map((t): [string, string] => ['demands', t.id]),
      ['signatories', ''], ['signatories', 'france'], ['signatories', '2'], ['signatories', 'Sweden'],
      ['statements', ''],
      ...c.statements.flatMap((s): [string, string][] => [['statement', s.id], ['statement', `${s.id} text`]]),
      ['timeline', ''], ...c.events.map((e): [string, string] => ['timeline', e.id]),
      ['sources', ''], ...c.statements.map((s): [string, string] => ['sources', s.id]),
      ['today', ''], ['next', ''], ['subscribe', ''], ['settings', ''], ['language', ''], ['upcoming', ''], ['unsubscribe', ''],
    ];
  }

  it('every command answers with one message of at most 1,500 characters, actions within the limits', async () => {
    const found: string[] = [];
    for (const [command, text] of tried()) {
      const r = await ask(command, text);
      if (r.ephemeral && !/^(demands|timeline)$/.test(command)) found.push(`/${command} ${text}: refused`);
      found.push(...problems(r, `/${command} ${text}`));
    }
    expect(found).toEqual([]);
  });

  it('/today fits on every day of the year, even with two events on one day', async () => {
    const found: string[] = [];
    for (let d = 0; d < 366; d++) {
      const now = new Date(Date.UTC(2027, 0, 1, 6) + d * 86_400_000);
      found.push(...problems(await ask('today', '', now), `/today on ${now.toISOString().slice(0, 10)}`));
      if (d % 30 === 0) found.push(...problems(await ask('next', '', now), `/next on ${now.toISOString().slice(0, 10)}`));
    }
    expect(found).toEqual([]);
  });

  it('every action and page move of every answer, two levels deep, leads to an answer that fits', async () => {
    const seen = new Set<string>();
    const found: string[] = [];
    let pressed = 0;
    const walk = async (r: Reply, path: string, depth: number): Promise<void> => {
      if (depth === 0) return;
      for (const a of pressable(r)) {
        const line = `/${a.command} ${a.args}`.trim();
        if (seen.has(line)) continue;
        seen.add(line);
        const next = await ask(a.command, a.args);
        pressed++;
        if (next.ephemeral) found.push(`${path} → ${a.label} (${line}): refused: ${renderMessage(next.messages[0]!, { ansi: false })}`);
        found.push(...problems(next, `${path} → ${a.label} (${line})`));
        await walk(next, `${path} → ${a.label}`, depth - 1);
      }
    };
    for (const [command, text] of tried()) await walk(await ask(command, text), `/${command} ${text}`.trim(), 2);
    expect(found).toEqual([]);
    expect(pressed).toBeGreaterThan(50);
  }, 60_000);

  it('the opening commands offer actions where there is more', async () => {
    for (const [command, text] of [['start', ''], ['demands', ''], ['timeline', ''], ['statement', 'smk-statement'], ['sources', ''], ['statements', '']] as const) {
      expect((await ask(command, text)).actions?.length ?? 0, `/${command} ${text}`).toBeGreaterThan(0);
    }
  });
});

/** The commands of the campaign's content (/about /demands /signatories /statements /statement /sources). */
const CONTENT = new Set(['about', 'demands', 'signatories', 'statements', 'statement', 'sources']);

describe.each(['ru', 'kk'] as const)('content answers in %s fit a phone too', (language) => {
  let dispatcher: Dispatcher;
  let services: Services;
  const ask = (command: string, text: string): Promise<Reply> => dispatcher.dispatch(invocation(command, text, { now: NOW, locale: language }));
  beforeAll(async () => { ({ dispatcher, services } = await testDispatcher()); });

  function tried(): [string, string][] {
    const c = services.campaign;
    return [
      ['about', ''], ['demands', ''], ['demands', 'smk'], ['demands', 'smk 2'], ['demands', 'topics'], ['demands', 'ICOR'],
      ...c.statements.map((s): [string, string] => ['demands', s.id]),
      ...c.topics.map((t): [string, string] => ['demands', t.id]),
      ['signatories', ''], ['signatories', 'франция'], ['signatories', '2'], ['signatories', 'Швеция'], ['signatories', 'Түркия'],
      ['statements', ''],
      ...c.statements.flatMap((s): [string, string][] => [['statement', s.id], ['statement', `${s.id} text`]]),
      ['sources', ''], ...c.statements.map((s): [string, string] => ['sources', s.id]),
    ];
  }

  it('every content command, and every action and page move among them two levels deep, answers within the limits', async () => {
    const seen = new Set<string>();
    const found: string[] = [];
    const walk = async (r: Reply, path: string, depth: number): Promise<void> => {
      found.push(...problems(r, path));
      if (r.ephemeral) found.push(`${path}: refused`);
      if (depth === 0) return;
      for (const a of pressable(r).filter((x) => CONTENT.has(x.command))) {
        const line = `/${a.command} ${a.args}`.trim();
        if (seen.has(line)) continue;
        seen.add(line);
        await walk(await ask(a.command, a.args), `${path} → ${a.label} (${line})`, depth - 1);
      }
    };
    for (const [command, text] of tried()) await walk(await ask(command, text), `/${command} ${text}`.trim(), 2);
    expect(found).toEqual([]);
    expect(seen.size).toBeGreaterThan(30);
  }, 60_000);
});
