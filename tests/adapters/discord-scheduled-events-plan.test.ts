/**
 * The plan of a server's scheduled events (pure): which anniversaries, when,
 * and what each says, within Discord's limits in every language.
 */
import { describe, expect, it } from 'vitest';
import { DESCRIPTION_LIMIT, LOCATION_LIMIT, NAME_LIMIT, bodyHash, eventBody, planEvents } from '../../adapters/discord/scheduled-events-plan.js';
import { LANGUAGES } from '../../src/i18n/languages.js';
import { defaultVoice } from '../../src/i18n/voice.js';
import { publicRecordNote } from '../../src/present/present.js';
import { campaignIn } from '../../src/content/editions.js';
import { shippedCampaign } from '../helpers/core.js';

describe('discord scheduled events: the plan', () => {
  it('keeps every field within Discord\'s limits in every language, for every remembered event of a year', async () => {
    const campaign = await shippedCampaign();
    for (const language of LANGUAGES) {
      const plan = planEvents({ campaign, settings: { language }, from: new Date('2026-11-20T00:00:00Z'), windowDays: 364, max: 100, publicUrl: 'https://placard.example/' });
      expect(plan.map((p) => p.key.split(':')[0]).sort()).toEqual(campaign.events.filter((e) => e.remind).map((e) => e.id).sort());
      for (const p of plan) {
        expect(p.name.length, p.key).toBeLessThanOrEqual(NAME_LIMIT);
        expect(p.location.length, p.key).toBeLessThanOrEqual(LOCATION_LIMIT);
        expect(p.description.length, p.key).toBeLessThanOrEqual(DESCRIPTION_LIMIT);
        expect(p.description, p.key).toContain(`https://placard.example/${language === 'en' ? '' : `${language}/`}#event-`);
        expect(p.end.getTime() - p.start.getTime(), p.key).toBeGreaterThan(0);
      }
    }
  });

  it('says where the date is public record, names no link without PUBLIC_URL, and starts at the reminder time in the chat\'s zone', async () => {
    const campaign = await shippedCampaign();
    const [zhanaozen] = planEvents({ campaign, settings: { timeZone: 'Asia/Almaty', reminderTime: '09:00' }, from: new Date('2026-11-20T00:00:00Z') });
    // Kazakhstan keeps UTC+5 since March 2024: 09:00 in Almaty on 16 December 2026 is 04:00 UTC.
    expect(zhanaozen).toMatchObject({ key: 'zhanaozen-massacre-2011:2026', start: new Date('2026-12-16T04:00:00Z'), end: new Date('2026-12-16T19:00:00Z') });
    const event = campaign.events.find((e) => e.id === 'zhanaozen-massacre-2011')!;
    const note = publicRecordNote(defaultVoice('en'), campaignIn(campaign, 'en'), event);
    if (note !== undefined) expect(zhanaozen!.description).toContain(note);
    expect(zhanaozen!.description).not.toContain('http');
  });

  it('plans nothing whose hour has passed today, and at most five in the next sixty days', async () => {
    const campaign = await shippedCampaign();
    const late = planEvents({ campaign, settings: {}, from: new Date('2026-12-16T05:00:00Z') });
    expect(late[0]!.key).toBe('uprising-begins:2027');
    expect(late).toHaveLength(5);
    expect(planEvents({ campaign, settings: {}, from: new Date('2026-07-01T00:00:00Z') })).toEqual([]);
  });

  it('a body is what Discord takes for an external event, and its hash changes with what it says', async () => {
    const campaign = await shippedCampaign();
    const [p] = planEvents({ campaign, settings: {}, from: new Date('2026-11-20T00:00:00Z') });
    const body = eventBody(p!);
    expect(body).toMatchObject({ privacy_level: 2, entity_type: 3, entity_metadata: { location: 'Zhanaozen' } });
    expect(body).not.toHaveProperty('channel_id');
    const [later] = planEvents({ campaign, settings: { reminderTime: '10:00' }, from: new Date('2026-11-20T00:00:00Z') });
    expect(bodyHash(eventBody(later!))).not.toBe(bodyHash(body));
    expect(bodyHash(eventBody(p!))).toBe(bodyHash(body));
  });
});
