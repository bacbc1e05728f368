/**
 * `placard doctor`: before an anniversary an operator asks "will it work?".
 * Checks, without sending anything: that the store answers, each configured
 * platform's own health (token, webhook, connection: `Adapter.doctor`), and
 * for every subscribed chat whether the bot may still post where its
 * reminders go (`Adapter.checkPosting`). Prints what to fix, chat by chat;
 * the exit code is 1 when anything is wrong.
 *
 * Private chats are shown as `private:<hash>` (their id is a person's); an
 * operator can do nothing about them anyway but wait for the person.
 */
import type { Adapter, DoctorFinding, PostingProblem } from './adapter.js';
import type { Platform } from './chat.js';
import { chatForLog } from './log-privacy.js';
import { CHAT_SETTINGS, type ChatSettings } from './store/chat-settings.js';
import type { Store } from './store/store.js';
import { parseChatKey } from './schedule/subscriptions.js';
import { pool } from './schedule/fanout.js';

/** What the doctor needs. */
export interface DoctorInput {
  readonly store: Store;
  readonly adapters: readonly Adapter[];
  /** Writes one line of the report. */
  readonly print: (line: string) => void;
  /** Checks in flight at once (platform calls; Telegram allows about 30 per second). Default 4. */
  readonly concurrency?: number;
  /** Longest one check may take. Default 15 s. */
  readonly timeoutMs?: number;
}

/** One subscribed chat and where its reminders go. */
interface Subscribed {
  readonly platform: Platform;
  readonly chatId: string;
  readonly settings: ChatSettings;
}

const timeout = <T>(ms: number, work: Promise<T>): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); })])
    .finally(() => clearTimeout(timer));
};

const describeError = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/** Runs every check and prints the report; resolves with the exit code (0: all well, 1: something to fix). */
export async function runDoctor(input: DoctorInput): Promise<number> {
  const { store, adapters, print } = input;
  const timeoutMs = input.timeoutMs ?? 15_000;
  let problems = 0;
  const finding = (f: DoctorFinding, scope: string): void => {
    if (!f.ok) problems++;
    print(`${f.ok ? 'ok  ' : 'FIX '} ${scope} ${f.check}: ${f.detail}`);
  };

  try {
    await timeout(timeoutMs, store.ping());
    finding({ ok: true, check: 'answers', detail: `${store.backend} store` }, 'store');
  } catch (e: unknown) {
    finding({ ok: false, check: 'answers', detail: describeError(e) }, 'store');
    print(`${problems} problem(s) found`);
    return 1;
  }

  if (adapters.length === 0) finding({ ok: false, check: 'configured', detail: 'no platform is configured: set TELEGRAM_BOT_TOKEN, DISCORD_TOKEN and DISCORD_APPLICATION_ID, SIGNAL_CLI_URL and SIGNAL_ACCOUNT, or MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN' }, 'platforms');
  for (const adapter of adapters) {
    try {
      for (const f of await timeout(timeoutMs, adapter.doctor?.() ?? Promise.resolve([]))) finding(f, adapter.name);
    } catch (e: unknown) {
      finding({ ok: false, check: 'reachable', detail: describeError(e) }, adapter.name);
    }
  }

  const chats: Subscribed[] = [];
  for await (const [key, settings] of store.entries<ChatSettings>(CHAT_SETTINGS)) {
    const ref = parseChatKey(key);
    if (ref && settings?.subscribed === true) chats.push({ ...ref, settings });
  }
  const byName = new Map(adapters.map((a) => [a.name, a]));
  const unserved = new Map<Platform, number>();
  let checked = 0;
  await pool(chats[Symbol.iterator](), input.concurrency ?? 4, async (chat) => {
    const adapter = byName.get(chat.platform);
    if (!adapter) { unserved.set(chat.platform, (unserved.get(chat.platform) ?? 0) + 1); return; }
    const kind = chat.settings.kind ?? 'group';
    const where = `${chat.platform} chat ${chatForLog({ chatId: chat.chatId, kind })}${chat.settings.targetId ? ` (posts to channel ${chat.settings.targetId})` : ''}`;
    let problem: PostingProblem | undefined;
    try {
      problem = await timeout(timeoutMs, adapter.checkPosting?.({ platform: chat.platform, chatId: chat.settings.targetId ?? chat.chatId, kind }) ?? Promise.resolve(undefined));
    } catch (e: unknown) {
      finding({ ok: false, check: 'can post', detail: `could not ask: ${describeError(e)}` }, where);
      return;
    }
    checked++;
    if (problem) {
      const missing = problem.missing.length ? ` — give the bot: ${problem.missing.join(', ')}` : '';
      finding({ ok: false, check: 'can post', detail: `${problem.reason}${missing}` }, where);
    } else if (chat.settings.postingProblem) {
      print(`ok   ${where} can post: fixed since the last refused reminder (${chat.settings.postingProblem.reason})`);
    }
  }, () => false);
  for (const [platform, count] of unserved) {
    finding({ ok: false, check: 'configured', detail: `${count} subscribed chat(s), but ${platform} is not configured here, so they get no reminders from this instance` }, platform);
  }
  print(`${chats.length} subscribed chat(s), ${checked} checked; ${problems === 0 ? 'nothing to fix' : `${problems} problem(s) found`}`);
  return problems === 0 ? 0 : 1;
}
