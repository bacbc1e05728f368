/**
 * The registered slash commands' ids by name, for command mentions
 * (`</name:id>`): from the start-up registration, else as kept in the store
 * by an earlier one (a send-only adapter, e.g. the CLI, never registers).
 */
import type { REST } from 'discord.js';
import type { Services } from '../../src/commands/types.js';
import type { Logger } from '../../src/log.js';
import { definitionWords, registerCommands, storedCommandIds, type RegisterOutcome } from './register.js';
import { describeError } from './send.js';

/** Where the commands are registered and with what. */
export interface CommandScope {
  readonly applicationId: string;
  readonly guildId?: string;
  readonly services: Services;
  readonly log: Logger;
}

/** The ids, as far as known; registration fills them in. */
export class CommandIds {
  private table: Readonly<Record<string, string>> = {};
  private loading: Promise<void> | undefined;
  /** The id of a command by name, when known: a new function whenever the ids change (renderings keyed on it stay right). */
  lookup: (name: string) => string | undefined = () => undefined;

  constructor(private readonly scope: CommandScope) {}

  private set ids(ids: Readonly<Record<string, string>>) {
    this.table = ids;
    this.lookup = (name) => ids[name];
  }

  private get ids(): Readonly<Record<string, string>> {
    return this.table;
  }

  /** The id of a command, when known. */
  of(name: string): string | undefined {
    return this.table[name];
  }

  /** Every known id by name. */
  all(): Readonly<Record<string, string>> {
    return this.ids;
  }

  /** Reads the kept ids once; waits at most `withinMs` so a slow store never holds a send. */
  async load(withinMs?: number): Promise<void> {
    const { services, applicationId, guildId } = this.scope;
    this.loading ??= storedCommandIds(services.store, applicationId, guildId)
      .then((ids) => { if (Object.keys(this.ids).length === 0) this.ids = ids; })
      // Unknown ids only mean that command hints show as code.
      .catch(() => undefined);
    if (withinMs === undefined) return this.loading;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, withinMs); });
    await Promise.race([this.loading, late]).finally(() => clearTimeout(timer));
  }

  /** Registers the commands when they changed, keeping their ids; a failure is logged and the bot keeps serving. */
  async register(rest: REST): Promise<RegisterOutcome | undefined> {
    await this.load();
    const { services, applicationId, guildId, log } = this.scope;
    try {
      const outcome = await registerCommands({
        rest, applicationId, ...(guildId === undefined ? {} : { guildId }),
        commands: services.commands, store: services.store, log, words: definitionWords(services),
      });
      if (Object.keys(outcome.ids).length > 0) this.ids = outcome.ids;
      return outcome;
    } catch (error: unknown) {
      log.error({ platform: 'discord', error: describeError(error) }, 'slash command registration failed; serving anyway (retry with `placard register`)');
      return undefined;
    }
  }
}
