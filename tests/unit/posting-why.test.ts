/** A posting problem is told in the chat's language where the catalogs word its kind, else in the adapter's words. */
import { describe, expect, it } from 'vitest';
import { checkedProblemBlocks } from '../../src/commands/posting.js';
import type { PostingWhy } from '../../src/adapter.js';
import type { Block } from '../../src/rich/model.js';
import { voice } from '../helpers/core.js';

const text = (blocks: Block[]): string => blocks.map((b) => ('spans' in b ? b.spans : b.items.flat()).map((s) => s.text).join('')).join('\n');
const KINDS: readonly PostingWhy[] = ['not-member', 'may-not-send', 'members-muted', 'channel-admin', 'admins-only', 'blocked',
  'missing-permissions', 'channel-gone', 'encrypted', 'power-level'];

describe('posting problems in the chat’s language', () => {
  it('word every kind in Russian and Kazakh, never the English reason', () => {
    for (const language of ['ru', 'kk'] as const) {
      for (const why of KINDS) {
        const out = text(checkedProblemBlocks(voice(language), { reason: 'the bot may not post here (English)', missing: ['Send Messages'], why }));
        expect(out, `${language} ${why}`).not.toContain('(English)');
        expect(out, `${language} ${why}`).not.toContain('posting-why');
        expect(out, `${language} ${why}`).toMatch(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{4}/);
        expect(out, `${language} ${why}`).toContain('Send Messages');
      }
    }
  });

  it('show the adapter’s reason when it gives no kind', () => {
    expect(text(checkedProblemBlocks(voice('ru'), { reason: 'Forbidden: something new', missing: [] }))).toContain('Forbidden: something new');
  });
});
