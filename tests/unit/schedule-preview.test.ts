/** The reminder message and the `placard reminders --date` preview. */
import { describe, expect, it } from 'vitest';
import { PlacardError } from '../../src/errors.js';
import { reminderMessage, reminderTitle } from '../../src/present/reminder.js';
import { PreviewDateError, plainText, previewReminders } from '../../src/schedule/preview.js';
import { openStore } from '../../src/store/open.js';
import { shippedCampaign, voice } from '../helpers/core.js';
import { seedSubscriptions } from '../schedule/harness.js';

describe('reminder message', () => {
  it('has a headline, the short summary with its sources by label, the date note, each figure by label, the call to action', async () => {
    const campaign = await shippedCampaign();
    const event = campaign.events.find((e) => e.id === 'zhanaozen-massacre-2011')!;
    const { message, actions } = reminderMessage(voice('en'), campaign, event, 15);
    const text = plainText(message);
    expect(text.split('\n')[0]).toBe('# 15 years ago today: Striking oil workers killed in Zhanaozen');
    expect(text).toContain(event.reminder!);
    expect(text).toContain('Sources: SMK statement, SKP statement, RISE-coordinated statement, ICOR resolution, Unnamed party’s statement.');
    expect(text).toContain('The date, 16 December 2011, is public record; the statements do not give it.');
    expect(text).toContain('- “Thus in Zhanaozen, an important industrial center, the 2011 repression of demonstrations left 17 dead.” — Unnamed party’s statement');
    expect(text).toContain('- “Back in 2011, security forces in Zhanaozen fired on striking oil workers, killing 16 of them.” — ICOR resolution');
    expect(text).toContain(campaign.meta.callToAction!.text);
    expect(actions.map((a) => `${a.label}: /${a.command} ${a.args}`)).toEqual([
      'The demands: /demands nationalisation', 'Notes and sources: /timeline zhanaozen-massacre-2011',
    ]);
    expect(reminderTitle(voice('en'), { title: 'Something happened' }, 1)).toBe('1 year ago today: Something happened');
    expect(reminderTitle(voice('en'), { title: 'A strike', place: 'Aktau' }, 2)).toBe('2 years ago today: A strike (Aktau)');
  });
});

describe('reminders preview', () => {
  it('16 December 2026: the 15th anniversary of Zhanaozen at 09:00 Almaty = 04:00 UTC', async () => {
    const out = await previewReminders(await shippedCampaign(), '2026-12-16');
    expect(out).toContain('Reminders on 16 December 2026 (preview: nothing is sent)');
    expect(out).toContain('15th anniversary: Striking oil workers killed in Zhanaozen (zhanaozen-massacre-2011, 16 December 2011)');
    expect(out).toContain('- 09:00 Asia/Almaty = 2026-12-16 04:00 UTC (campaign default)');
    expect(out).toContain('| # 15 years ago today: Striking oil workers killed in Zhanaozen');
    expect(out).toContain('Its buttons (commands to type where there are none):\n'
      + '  → The demands: /demands nationalisation\n  → Notes and sources: /timeline zhanaozen-massacre-2011');
  });

  it('4 January 2027: the 5th anniversary of the Tengizchevroil strike only (the Almaty night is not a reminder)', async () => {
    const out = await previewReminders(await shippedCampaign(), '2027-01-04');
    expect(out).toContain('5th anniversary: Oil workers at Tengizchevroil go on strike');
    expect(out).toContain('- 09:00 Asia/Almaty = 2027-01-04 04:00 UTC (campaign default)');
    expect(out).toContain('| # 5 years ago today: Oil workers at Tengizchevroil go on strike');
    expect(out).toContain('  → Notes and sources: /timeline tengizchevroil-strike');
    expect(out.match(/anniversary:/g)).toHaveLength(1);
  });

  it('lists the zones of existing subscriptions, with how many chats, when given a store', async () => {
    const store = await openStore('memory://');
    await seedSubscriptions(store, 'telegram', ['1', '2'], { timeZone: 'Pacific/Kiritimati', reminderTime: '09:00' });
    await seedSubscriptions(store, 'telegram', ['3']);
    const out = await previewReminders(await shippedCampaign(), '2026-12-16', store);
    expect(out).toContain('- 09:00 Asia/Almaty = 2026-12-16 04:00 UTC (campaign default, 1 subscribed chat)');
    expect(out).toContain('- 09:00 Pacific/Kiritimati = 2026-12-15 19:00 UTC (2 subscribed chats)');
  });

  it('a day without anniversaries says so and names the next', async () => {
    const out = await previewReminders(await shippedCampaign(), '2026-06-15');
    expect(out).toContain('No anniversary falls on this day');
    expect(out).toContain('The next: 16 December 2026 — 15th anniversary: Striking oil workers killed in Zhanaozen.');
  });

  it('a bad date is a typed error', async () => {
    const campaign = await shippedCampaign();
    for (const bad of ['2026-02-30', '16/12/2026', '2026-12-16T04:00', '', 'tomorrow']) {
      const error = await previewReminders(campaign, bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PreviewDateError);
      expect((error as PlacardError).code).toBe('preview_date_invalid');
    }
  });
});
