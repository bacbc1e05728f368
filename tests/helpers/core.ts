/** A real core (the shipped content, a memory store) for tests. */
import { resolve } from 'node:path';
import { commands } from '../../src/commands/index.js';
import { Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation, Role, Services } from '../../src/commands/types.js';
import type { ChatRef } from '../../src/chat.js';
import type { Campaign } from '../../src/content/campaign.js';
import { loadCampaign } from '../../src/content/load.js';
import { sharedTranslator } from '../../src/i18n/translator.js';
import type { Language } from '../../src/i18n/languages.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import { openStore } from '../../src/store/open.js';

/** The content folder shipped with Placard. */
export const CONTENT_DIR = resolve(import.meta.dirname, '../../content');

let cached: Promise<Campaign> | undefined;
/** The shipped campaign, loaded once per test file. */
export const shippedCampaign = (): Promise<Campaign> => (cached ??= loadCampaign(CONTENT_DIR));

/** Services over the shipped campaign and a fresh memory store. */
export async function testServices(): Promise<Services> {
  return { campaign: await shippedCampaign(), store: await openStore('memory://'), commands, translator: sharedTranslator() };
}

/** A dispatcher over `testServices()`. */
export async function testDispatcher(): Promise<{ dispatcher: Dispatcher; services: Services }> {
  const services = await testServices();
  return { dispatcher: new Dispatcher(services), services };
}

/** The project's catalogs in `language`, for calling a command's `run` directly: `run({ options, text, voice: voice('ru') }, …)`. */
export const voice = (language: Language = 'en'): Voice => defaultVoice(language);

/** An invocation as an adapter would build it. */
export function invocation(command: string, text = '', extra: { chat?: Partial<ChatRef>; role?: Role; now?: Date; locale?: string; userLocale?: string } = {}): Invocation {
  return {
    command,
    text,
    chat: { platform: 'console', chatId: 'test', kind: 'private', ...extra.chat },
    role: async () => extra.role ?? 'admin',
    now: extra.now ?? new Date('2026-11-22T12:00:00Z'),
    ...(extra.locale === undefined ? {} : { locale: extra.locale }),
    ...(extra.userLocale === undefined ? {} : { userLocale: extra.userLocale }),
  };
}
