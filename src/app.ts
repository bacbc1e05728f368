/**
 * Composition of the core: configuration → content → store → dispatcher.
 * Adapters, the scheduler and the HTTP server are wired on top by `cli.ts`.
 */
import { resolve } from 'node:path';
import { commands } from './commands/index.js';
import { Dispatcher } from './commands/dispatch.js';
import type { Services } from './commands/types.js';
import type { Config } from './config.js';
import type { Campaign } from './content/campaign.js';
import { loadCampaign } from './content/load.js';
import { loadTranslator } from './i18n/translator.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import { instrumentStore } from './store/instrumented.js';
import { openStore } from './store/open.js';
import type { Store } from './store/store.js';

/** The running core. */
export interface Core {
  readonly campaign: Campaign;
  readonly store: Store;
  readonly dispatcher: Dispatcher;
  readonly services: Services;
  /** Closes the store. */
  close(): Promise<void>;
}

/** Loads the content (throws ContentError), opens the store and builds the dispatcher; counts into `metrics` when given. */
export async function createCore(config: Config, log: Logger, metrics?: Metrics): Promise<Core> {
  const campaign = await loadCampaign(resolve(config.contentDir));
  const opened = await openStore(config.storeUrl, { log: log.child({ component: 'store' }) });
  const store = metrics ? instrumentStore(opened, (operation) => metrics.storeErrors.inc({ operation })) : opened;
  const translator = await loadTranslator();
  const services: Services = { campaign, store, commands, translator, ...(config.publicUrl === undefined ? {} : { publicUrl: config.publicUrl }) };
  const dispatcher = new Dispatcher(services, log, metrics
    ? (command, platform, outcome) => metrics.commands.inc({ command, platform, outcome })
    : undefined);
  log.info({ statements: campaign.statements.length, events: campaign.events.length, store: store.backend }, 'core ready');
  return { campaign, store, dispatcher, services, close: () => store.close() };
}
