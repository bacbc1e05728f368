/**
 * The subscribed chats, grouped into slots (zone, time). Read from the store's
 * `chat` namespace on days that may have a reminder, and kept for a few
 * minutes per instance (another instance may change them meanwhile; each send
 * re-reads the chat's own settings before it goes out).
 */
import type { ChatRef, Platform } from '../chat.js';
import { chooseLanguage, type Language } from '../i18n/languages.js';
import { parseClockTime, formatClockTime } from '../time/calendar.js';
import { CHAT_SETTINGS, type ChatSettings } from '../store/chat-settings.js';
import type { Store } from '../store/store.js';
import { slotKey, type Slot } from './due.js';

/** A subscribed chat as the scheduler needs it: where to send, and in which language. */
export interface Subscriber {
  readonly platform: Platform;
  readonly chatId: string;
  readonly kind: ChatRef['kind'];
  /** The language its reminders are in (see {@link chatLanguage}). */
  readonly language: Language;
  /** Send here instead of `chatId` (a Discord channel). */
  readonly targetId?: string;
  /** The thread or forum topic the chat subscribed in. */
  readonly threadId?: string;
}

/** The chats of one slot. */
export interface SlotGroup {
  readonly slot: Slot;
  readonly chats: readonly Subscriber[];
}

/** A slot and how many chats share it (for previews). */
export interface SlotCount {
  readonly slot: Slot;
  readonly chats: number;
}

/** The campaign's defaults for chats that never chose. */
export interface SlotDefaults {
  readonly timeZone: string;
  readonly reminderTime: string;
  /** The campaign's language (`campaign.yaml`), for chats with neither a /language nor a platform hint. */
  readonly language?: string;
}

/**
 * The language of a chat's reminders: its `/language`, else the platform's
 * hint kept when it subscribed (`localeHint`: Discord's server locale, a
 * Telegram user's language in a private chat), else the campaign's, else English.
 */
export function chatLanguage(settings: ChatSettings, defaults: Pick<SlotDefaults, 'language'>): Language {
  // Read defensively: a hint is whatever the platform said, kept as given.
  const hint: unknown = (settings as { readonly localeHint?: unknown }).localeHint;
  return chooseLanguage({
    chatSetting: settings.language, platformHint: typeof hint === 'string' ? hint : undefined, campaignDefault: defaults.language,
  });
}

/** Each platform's name, so every subscriber shares one string instead of a copy of its own. */
const PLATFORMS: ReadonlyMap<string, Platform> = new Map((['console', 'telegram', 'discord', 'signal', 'matrix'] as const).map((p) => [p, p]));
const KINDS: ReadonlyMap<unknown, ChatRef['kind']> = new Map((['private', 'group', 'channel'] as const).map((k) => [k, k]));

/** `platform:chatId` → its parts; undefined for a key of no known platform. */
export function parseChatKey(key: string): { platform: Platform; chatId: string } | undefined {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return undefined;
  const platform = PLATFORMS.get(key.slice(0, at));
  return platform === undefined ? undefined : { platform, chatId: key.slice(at + 1) };
}

/**
 * A copy of `text` that holds nothing else. V8 makes a slice of 13 or more
 * characters a view into its parent string, so a chat id sliced from its
 * store key would keep the whole key (and what that was sliced from) alive:
 * twice the memory of the id, per subscriber.
 */
const own = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));

/** The slot a chat's settings put it in (defaults for what it never set). */
export function slotOf(settings: ChatSettings, defaults: SlotDefaults): Slot {
  const time = parseClockTime(settings.reminderTime ?? defaults.reminderTime) ?? parseClockTime(defaults.reminderTime);
  return { timeZone: settings.timeZone ?? defaults.timeZone, reminderTime: time ? formatClockTime(time) : defaults.reminderTime };
}

/**
 * Every subscribed chat in the store, grouped by slot. One pass over the
 * `chat` namespace, streamed: only the list is kept, each subscriber as a
 * small object of one shape whose strings are shared (platform, kind,
 * language) or its own (chat id): about 100 bytes a chat.
 */
export async function loadSubscriptions(store: Store, defaults: SlotDefaults): Promise<SlotGroup[]> {
  const groups = new Map<string, { slot: Slot; chats: Subscriber[] }>();
  const languages = new Map<string, Language>();
  for await (const [key, settings] of store.entries<ChatSettings>(CHAT_SETTINGS)) {
    if (settings?.subscribed !== true) continue;
    const ref = parseChatKey(key);
    if (!ref) continue;
    const slot = slotOf(settings, defaults);
    const k = slotKey(slot);
    let group = groups.get(k);
    if (!group) groups.set(k, (group = { slot, chats: [] }));
    // Few distinct (setting, hint) pairs: negotiate each once.
    const hint: unknown = (settings as { readonly localeHint?: unknown }).localeHint;
    const asked = `${String(settings.language)}|${String(hint)}`;
    let language = languages.get(asked);
    if (language === undefined) languages.set(asked, (language = chatLanguage(settings, defaults)));
    const chat: Subscriber = { platform: ref.platform, chatId: own(ref.chatId), kind: KINDS.get(settings.kind) ?? 'group', language };
    group.chats.push(settings.targetId || settings.threadId ? {
      ...chat, ...(settings.targetId ? { targetId: settings.targetId } : {}), ...(settings.threadId ? { threadId: settings.threadId } : {}),
    } : chat);
  }
  return [...groups.values()];
}

/** How many subscribed chats each slot has. */
export async function countSubscriptions(store: Store, defaults: SlotDefaults): Promise<SlotCount[]> {
  return (await loadSubscriptions(store, defaults)).map((g) => ({ slot: g.slot, chats: g.chats.length }));
}

/** How long a loaded list is trusted before it is read again. */
export const SUBSCRIPTIONS_TTL_MS = 5 * 60_000;

/** The subscription list of one instance, re-read at most every `ttlMs`. */
export class SubscriptionCache {
  private list: SlotGroup[] | undefined;
  private loadedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: Store,
    private readonly defaults: SlotDefaults,
    private readonly ttlMs = SUBSCRIPTIONS_TTL_MS,
  ) {}

  /** The list as of at most `ttlMs` before `now` (loads it when older). */
  async get(now: number): Promise<readonly SlotGroup[]> {
    if (!this.list || now - this.loadedAt >= this.ttlMs || now < this.loadedAt) {
      this.list = await loadSubscriptions(this.store, this.defaults);
      this.loadedAt = now;
    }
    return this.list;
  }

  /** Forgets the list (so the next `get` reads the store) and frees its memory. */
  clear(): void {
    this.list = undefined;
  }
}
