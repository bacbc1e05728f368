/**
 * The adapter contract: the same scenarios, run against every adapter
 * (console, Telegram, Discord) through its real inbound and rendering path.
 * Each adapter's test file supplies a harness and calls `describeAdapterContract`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/content/campaign.js';
import { commands } from '../../src/commands/index.js';
import { shippedCampaign } from '../helpers/core.js';

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
  close(): Promise<void>;
}

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

    it('/demands quotes the Socialist Movement of Kazakhstan word for word', async () => {
      const out = await h.send('/demands');
      within(out);
      const smk = campaign.statementById.get(campaign.meta.demandsFirst)!;
      const all = squash(out.join('\n'));
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

    it('the longest statement arrives whole, every message within the limit', async () => {
      const longest = [...campaign.statements].sort((a, b) => b.body.length - a.body.length)[0]!;
      const out = await h.send(`/statement ${longest.id}`);
      within(out);
      expect(out.length).toBeGreaterThan(1);
      const all = squash(out.join(' '));
      for (const p of longest.paragraphs) expect(all).toContain(squash(p));
    });
  });
}
