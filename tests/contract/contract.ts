/**
 * The adapter contract: the same scenarios, run against every adapter
 * (console, Telegram, Discord) through its real inbound and rendering path.
 * Each adapter's test file supplies a harness and calls `describeAdapterContract`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/content/campaign.js';
import { commands } from '../../src/commands/index.js';
import { shippedCampaign } from '../helpers/core.js';
import { catalogIds, englishOwnPhrases } from '../helpers/catalog-text.js';

/** How a contract test talks to an adapter. */
export interface ContractHarness {
  /** The platform's limit for one message, in the unit `measure` returns. */
  readonly limit: number;
  /** Length of one received message as the platform counts it. */
  measure(message: string): number;
  /**
   * Sends `line` (e.g. `/demands smk`) as a user and resolves with every
   * message the bot sent back, as plain text a person would see.
   */
  send(line: string, options?: { group?: boolean; admin?: boolean }): Promise<string[]>;
  /**
   * Like `send`, with what the reader can do next: the buttons under the
   * answer (paging included), or on the console the commands it offers to
   * type. Pressing one resolves with the message as it then reads (Telegram
   * and Discord edit the message in place).
   */
  converse(line: string, options?: { group?: boolean; admin?: boolean }): Promise<Turn>;
  close(): Promise<void>;
}

/** One step of a conversation: what the bot shows and what can be pressed. */
export interface Turn {
  readonly messages: readonly string[];
  readonly actions: readonly PressableAction[];
}

/** A button (or offered command) that can be pressed. */
export interface PressableAction {
  readonly label: string;
  press(): Promise<Turn>;
}

/** What a phone shows comfortably: one message of about this many characters (DESIGN.md, "Replies that fit a chat"). */
export const PHONE_LIMIT = 1_500;

/** Every command with the arguments people use most; each must answer with one message that fits a phone. */
export const TRIED: readonly string[] = [
  '/start', '/help', '/help demands', '/about', '/demands', '/demands smk', '/demands prisoners', '/signatories', '/signatories france',
  '/signatories 2', '/statements', '/statement smk-statement', '/statement icor-resolution', '/timeline', '/today', '/next', '/sources',
  '/subscribe', '/settings', '/language', '/upcoming', '/unsubscribe',
];

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();


/** Registers the shared scenarios for one adapter. */
export function describeAdapterContract(name: string, makeHarness: () => Promise<ContractHarness>): void {
  describe(`adapter contract: ${name}`, () => {
    let h: ContractHarness;
    let campaign: Campaign;
    beforeAll(async () => { campaign = await shippedCampaign(); h = await makeHarness(); });
    afterAll(async () => { await h?.close(); });

    const within = (messages: string[]): void => {
      expect(messages.length).toBeGreaterThan(0);
      for (const m of messages) expect(h.measure(m)).toBeLessThanOrEqual(h.limit);
    };

    it('/start welcomes with the campaign title', async () => {
      const out = await h.send('/start');
      within(out);
      expect(out.join('\n')).toContain(campaign.meta.title);
    });

    it('/help lists every command', async () => {
      const out = (await h.send('/help')).join('\n');
      for (const c of commands) expect(out).toContain(`/${c.name}`);
    });

    it('/demands quotes the Socialist Movement of Kazakhstan word for word, page after page', async () => {
      let turn = await h.converse('/demands');
      const pages: string[] = [];
      for (let i = 0; i < 10; i++) {
        within([...turn.messages]);
        pages.push(...turn.messages);
        const next = turn.actions.find((a) => /next/i.test(a.label));
        if (!next) break;
        turn = await next.press();
      }
      const smk = campaign.statementById.get(campaign.meta.demandsFirst)!;
      const all = squash(pages.join('\n'));
      for (const d of smk.demands) expect(all).toContain(squash(d.text));
    });

    it('/signatories france lists UC and UPML', async () => {
      const out = (await h.send('/signatories france')).join('\n');
      expect(out).toContain('Unité Communiste');
      expect(out).toContain('Union Proletarienne Marxiste-Léniniste');
      expect(out).not.toContain('MLPD');
    });

    it('an unknown command gets the closest match, not an error', async () => {
      const out = (await h.send('/demnads')).join('\n');
      expect(out).toContain('/demands');
      expect(out).toMatch(/Unknown command/);
    });

    it('hostile text comes back as the literal text typed, nothing more', async () => {
      const hostile = '<script>alert(1)</script> &amp; *bold* @everyone';
      const out = (await h.send(`/statement ${hostile}`)).join('\n');
      expect(out).toContain('<script>alert(1)</scrip');
      expect(out).not.toContain('&lt;');
    });

    const fitsAPhone = (turn: Turn, what: string): void => {
      expect(turn.messages, what).toHaveLength(1);
      expect(h.measure(turn.messages[0]!), what).toBeLessThanOrEqual(Math.min(PHONE_LIMIT, h.limit));
    };

    it('every command answers with one message that fits a phone', async () => {
      for (const line of TRIED) fitsAPhone(await h.converse(line), line);
    });

    it('every action of every answer, two levels deep, leads to one message that fits a phone', async () => {
      const seen = new Set<string>();
      let pressed = 0;
      const walk = async (turn: Turn, path: string, depth: number): Promise<void> => {
        if (depth === 0) return;
        for (const a of turn.actions) {
          const key = `${a.label}@${turn.messages[0]?.slice(0, 60) ?? ''}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const next = await a.press();
          pressed++;
          fitsAPhone(next, `${path} → ${a.label}`);
          await walk(next, `${path} → ${a.label}`, depth - 1);
        }
      };
      for (const line of TRIED) await walk(await h.converse(line), line, 2);
      expect(pressed).toBeGreaterThan(TRIED.length);
    }, 120_000);

    it('the longest statement can be read whole, page by page, each page fitting a phone', async () => {
      const longest = [...campaign.statements].sort((a, b) => b.body.length - a.body.length)[0]!;
      // The walk above pressed /language's buttons: this chat reads English again.
      await h.converse('/language en');
      let turn = await h.converse(`/statement ${longest.id}`);
      const fullText = turn.actions.find((a) => /full text/i.test(a.label));
      expect(fullText, 'a "Full text" action').toBeDefined();
      turn = await fullText!.press();
      const pages: string[] = [];
      for (let i = 0; i < 40; i++) {
        fitsAPhone(turn, `page ${i + 1}`);
        // Each page repeats the statement's title on its first line; the text is what follows.
        pages.push(turn.messages[0]!.split('\n').slice(1).join('\n'));
        const next = turn.actions.find((a) => /next/i.test(a.label));
        if (!next) break;
        turn = await next.press();
      }
      const all = squash(pages.join(' '));
      for (const p of longest.paragraphs) expect(all).toContain(squash(p));
    }, 60_000);

    for (const language of ['ru', 'kk'] as const) {
      it(`every command in ${language}: no message id shown raw, no English sentence of the bot's own, quotes as published`, async () => {
        const ids = catalogIds();
        const english = englishOwnPhrases();
        // The check can fail: in English, /help says phrases of the catalog.
        const help = squash((await h.send('/help')).join('\n')).toLowerCase();
        expect(english.filter((phrase) => help.includes(phrase)).length).toBeGreaterThan(0);
        // In a group, as its admin: a private chat's settings may be kept only while it is subscribed (Signal).
        const group = { group: true, admin: true };
        await h.converse(`/language ${language}`, group);
        try {
          for (const line of TRIED.filter((l) => !l.startsWith('/language'))) {
            const turn = await h.converse(line, group);
            const shown = [...turn.messages, ...turn.actions.map((a) => a.label)].join('\n');
            expect(shown, `${language} ${line}`).not.toMatch(/\{\s*\$/);
            const raw = [...shown.matchAll(/\b[a-z]+(?:-[a-z0-9]+)+\b/g)].map((m) => m[0]).filter((w) => ids.has(w));
            expect(raw, `${language} ${line}: message ids`).toEqual([]);
            const said = squash(shown).toLowerCase();
            expect(english.filter((phrase) => said.includes(phrase)), `${language} ${line}: English of the bot's own`).toEqual([]);
          }
          const demands = (await h.send('/demands', group)).join('\n');
          const smk = campaign.statementById.get(campaign.meta.demandsFirst)!;
          expect(squash(demands)).toContain(squash(smk.demands[0]!.text));
        } finally {
          await h.converse('/language en', group);
        }
      }, 60_000);
    }
  });
}
