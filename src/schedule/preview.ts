/**
 * `placard reminders --date YYYY-MM-DD [--language ru]`: what would be
 * posted that day, for which zones and at which instants, without sending
 * anything; the messages in the campaign's language or the one asked for.
 * The CLI only prints the text this returns.
 *
 * i18n-exempt-file: the operator's CLI output (its framing stays English; the reminders themselves are in the language asked for).
 */
import type { Campaign } from '../content/campaign.js';
import { PlacardError } from '../errors.js';
import { chooseLanguage, type Language } from '../i18n/languages.js';
import { sharedTranslator, type Translator } from '../i18n/translator.js';
import { voiceOf } from '../i18n/voice.js';
import type { Action, Block, RichMessage, Span } from '../rich/model.js';
import type { Store } from '../store/store.js';
import { anniversariesOn, formatDay, nextAnniversaries, ordinal, parseClockTime, zonedInstant, type Day } from '../time/calendar.js';
import { slotKey, type Slot } from './due.js';
import { reminderMessage } from '../present/reminder.js';
import { countSubscriptions, type SlotCount } from './subscriptions.js';

/** The preview date is not a real `YYYY-MM-DD` day. */
export class PreviewDateError extends PlacardError {
  constructor(readonly date: string) {
    super('preview_date_invalid', `--date must be a day as YYYY-MM-DD, e.g. 2026-12-16 (got "${date.slice(0, 40)}")`);
  }
}

/** `YYYY-MM-DD` → a day; throws PreviewDateError for anything else (including 2026-02-30). */
export function parsePreviewDate(date: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) throw new PreviewDateError(date);
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(day.year, day.month - 1, day.day));
  if (check.getUTCFullYear() !== day.year || check.getUTCMonth() + 1 !== day.month || check.getUTCDate() !== day.day) {
    throw new PreviewDateError(date);
  }
  return day;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const utc = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;

const spans = (list: readonly Span[]): string => list.map((s) => s.text).join('');
function block(b: Block): string {
  switch (b.type) {
    case 'paragraph': return spans(b.spans);
    case 'heading': return `## ${spans(b.spans)}`;
    case 'quote': return `> ${spans(b.spans)}`;
    case 'list': return b.items.map((item, i) => `${b.ordered ? `${(b.start ?? 1) + i}.` : '-'} ${spans(item)}`).join('\n');
  }
}

/** A rich message as plain text (for previews and logs of content, never of people). */
export function plainText(message: RichMessage): string {
  return [...(message.title !== undefined ? [`# ${message.title}`] : []), ...message.blocks.map(block)].join('\n\n');
}

/** The command an action runs, as typed: `/demands nationalisation`. */
export const actionCommand = (a: Action): string => `/${a.command}${a.args ? ` ${a.args}` : ''}`;

/** Actions as the commands they run, one per line: "→ The demands: /demands nationalisation". */
export const actionsText = (actions: readonly Action[]): string =>
  actions.map((a) => `→ ${a.label}: ${actionCommand(a)}`).join('\n');

const indent = (text: string, by: string): string => text.split('\n').map((l) => (l ? by + l : l)).join('\n');

/** The slots to show: the campaign's default first, then those of subscriptions. */
function slotsToShow(campaign: Campaign, subscriptions: readonly SlotCount[]): { slot: Slot; chats?: number; isDefault: boolean }[] {
  const fallback: Slot = { timeZone: campaign.meta.timeZone, reminderTime: campaign.meta.reminderTime };
  const counted = new Map(subscriptions.map((s) => [slotKey(s.slot), s]));
  const rest = subscriptions.filter((s) => slotKey(s.slot) !== slotKey(fallback))
    .sort((a, b) => a.slot.timeZone.localeCompare(b.slot.timeZone) || a.slot.reminderTime.localeCompare(b.slot.reminderTime));
  const own = counted.get(slotKey(fallback));
  return [
    { slot: fallback, ...(own ? { chats: own.chats } : {}), isDefault: true },
    ...rest.map((s) => ({ slot: s.slot, chats: s.chats, isDefault: false })),
  ];
}

/** How the preview writes the messages. */
export interface PreviewOptions {
  /** The language of the messages (default: the campaign's, else English). */
  readonly language?: Language;
  /** The bot's words (default: the project's catalogs). */
  readonly translator?: Translator;
}

/**
 * What would be posted on `date` (`YYYY-MM-DD`, the chats' local date): each
 * anniversary with the local time and UTC instant per zone, then the message
 * as it would read. Zones: the campaign's default, plus those of the existing
 * subscriptions when a store (or their counts) is given.
 *
 * @throws PreviewDateError for a bad date
 */
export async function previewReminders(
  campaign: Campaign, date: string, subscriptions?: Store | readonly SlotCount[], options: PreviewOptions = {},
): Promise<string> {
  const day = parsePreviewDate(date);
  const voice = voiceOf(options.translator ?? sharedTranslator(), options.language ?? chooseLanguage({ campaignDefault: campaign.meta.language }));
  const defaults = { timeZone: campaign.meta.timeZone, reminderTime: campaign.meta.reminderTime };
  const counts = subscriptions === undefined ? [] : Array.isArray(subscriptions)
    ? subscriptions as readonly SlotCount[] : await countSubscriptions(subscriptions as Store, defaults);
  const remind = campaign.events.filter((e) => e.remind);
  const found = anniversariesOn(remind, day);
  const lines: string[] = [`Reminders on ${formatDay(day)} (preview: nothing is sent)`, ''];
  if (found.length === 0) {
    lines.push('No anniversary falls on this day: nothing would be posted.');
    const next = nextAnniversaries(remind, day);
    if (next) {
      const what = next.items.map((i) => `${ordinal(i.years)} anniversary: ${i.event.title}`).join('; ');
      lines.push(`The next: ${formatDay(next.on)} — ${what}.`);
    }
    return lines.join('\n');
  }
  const slots = slotsToShow(campaign, counts);
  for (const { event, years } of found) {
    lines.push(`${ordinal(years)} anniversary: ${event.title} (${event.id}, ${formatDay(event)})`);
    lines.push(`Posted in each chat at its local time on ${formatDay(day)}:`);
    for (const { slot, chats, isDefault } of slots) {
      const time = parseClockTime(slot.reminderTime);
      if (!time) continue;
      const at = zonedInstant(day, time, slot.timeZone);
      const who = [isDefault ? 'campaign default' : '', chats !== undefined ? `${chats} subscribed chat${chats === 1 ? '' : 's'}` : '']
        .filter(Boolean).join(', ');
      lines.push(`  - ${slot.reminderTime} ${slot.timeZone} = ${utc(at)}${who ? ` (${who})` : ''}`);
    }
    const { message, actions } = reminderMessage(voice, campaign, event, years);
    lines.push(`The message (${voice.language}):`, '', indent(plainText(message), '  | '), '');
    if (actions.length > 0) lines.push('Its buttons (commands to type where there are none):', indent(actionsText(actions), '  '), '');
  }
  return lines.join('\n').trimEnd();
}
