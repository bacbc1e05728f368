/**
 * The adapter contract's harness over Discord, for both ways interactions
 * arrive (the gateway, or HTTP interactions with `http`): each line becomes a
 * slash interaction dispatched by the loopback fake to the real adapter;
 * what comes back is what a person would read (embed titles, descriptions
 * and content, with the adapter's markdown escapes undone, command mentions
 * as `/name`, timestamps as dates), and what they can press: the buttons and
 * select options under the answer, each pressed as a MESSAGE_COMPONENT
 * interaction whose answer updates the message in place.
 */
import { optionsFromText, parseCommandLine } from '../../src/commands/dispatch.js';
import type { Command } from '../../src/commands/types.js';
import { defaultVoice } from '../../src/i18n/voice.js';
import type { MessageRecord, SlashCommandInput } from '../fakes/discord/index.js';
import { readMessage, startDiscordRig, type DiscordTurn } from '../adapters/discord-harness.js';
import type { ContractHarness, Turn } from './contract.js';

/** The slash options a person would fill in for `/cmd text`: the command's own parser, else the first option. */
function optionsFor(command: Command | undefined, text: string): Record<string, string | number> {
  const first = command?.options[0]?.name;
  if (command === undefined || first === undefined || text === '') return {};
  const parsed = optionsFromText(command, text, defaultVoice());
  const values = typeof parsed === 'string' ? { [first]: text } : parsed;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string | number] => e[1] !== undefined));
}

/** The harness; `http`: interactions over HTTP (the interactions endpoint), no gateway. */
export async function discordHarness(options: { http?: boolean } = {}): Promise<ContractHarness> {
  const { services, converse, close } = await startDiscordRig(options.http ? { http: true } : {});
  /**
   * What each returned text measures: the characters a reader sees (a command
   * mention shows as `/name`, however long its id). Discord's own limits on
   * the raw markdown are enforced by the fake, which refuses an oversize
   * message with 400, so an answer that breaks them never gets here.
   */
  const sizes = new Map<string, number>();
  const read = (m: MessageRecord): string => {
    const text = readMessage(m);
    sizes.set(text, text.length);
    return text;
  };
  const slash = (line: string): SlashCommandInput => {
    const parsed = parseCommandLine(line);
    if (!parsed) throw new Error(`not a command line: ${line}`);
    const command = services.commands.find((c) => c.name === parsed.command);
    return { name: parsed.command, options: optionsFor(command, parsed.text) };
  };
  const turn = (t: DiscordTurn): Turn => ({
    messages: t.messages.map(read),
    actions: t.actions.map((a) => ({ label: a.label, press: async () => turn(await a.press()) })),
  });
  return {
    limit: 4096,
    measure: (m) => sizes.get(m) ?? Number.POSITIVE_INFINITY,
    async send(line, options = {}) {
      return (await converse(slash(line), options)).messages.map(read);
    },
    async converse(line, options = {}) {
      return turn(await converse(slash(line), options));
    },
    close,
  };
}
