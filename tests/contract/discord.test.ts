/**
 * The shared adapter contract over Discord: each line becomes a slash
 * interaction dispatched by the loopback fake to the real discord.js client;
 * what comes back is what a person would read (embed titles, descriptions
 * and content, with the adapter's markdown escapes undone).
 */
import { visible } from '../helpers/discord-visible.js';
import { optionsFromText, parseCommandLine } from '../../src/commands/dispatch.js';
import type { Command } from '../../src/commands/types.js';
import { ADMIN_PERMISSIONS, DEFAULT_MEMBER_PERMISSIONS, type MessageRecord } from '../fakes/discord/index.js';
import { G, startDiscordRig } from '../adapters/discord-harness.js';
import { describeAdapterContract, type ContractHarness } from './contract.js';


/** The slash options a person would fill in for `/cmd text`: the command's own parser, else the first option. */
function optionsFor(command: Command | undefined, text: string): Record<string, string | number> {
  const first = command?.options[0]?.name;
  if (command === undefined || first === undefined || text === '') return {};
  const parsed = optionsFromText(command, text);
  const values = typeof parsed === 'string' ? { [first]: text } : parsed;
  return Object.fromEntries(Object.entries(values).filter((e): e is [string, string | number] => e[1] !== undefined));
}

async function discordHarness(): Promise<ContractHarness> {
  const { dc, services, answered, close } = await startDiscordRig();
  /** Longest description or content of each returned text, as Discord counts it. */
  const sizes = new Map<string, number>();
  const read = (m: MessageRecord): string => {
    const embeds = m.embeds as { title?: string; description?: string }[];
    const text = visible([m.content, ...embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])].filter((s) => s !== '').join('\n'));
    sizes.set(text, Math.max(m.content.length, ...embeds.map((e) => e.description?.length ?? 0)));
    return text;
  };
  return {
    limit: 4096,
    measure: (m) => sizes.get(m) ?? Number.POSITIVE_INFINITY,
    async send(line, options = {}) {
      const parsed = parseCommandLine(line);
      if (!parsed) throw new Error(`not a command line: ${line}`);
      const command = services.commands.find((c) => c.name === parsed.command);
      const h = dc.slashCommand({
        ...(options.group ? { guildId: G, memberPermissions: options.admin ? ADMIN_PERMISSIONS : DEFAULT_MEMBER_PERMISSIONS } : {}),
        name: parsed.command,
        options: optionsFor(command, parsed.text),
      });
      const outcome = await answered(h);
      if (!outcome.ok) throw new Error(`the adapter could not answer ${parsed.command}`);
      return dc.channelMessages(String(h.payload.channel_id)).filter((m) => m.interactionId === h.id).map(read);
    },
    close,
  };
}

describeAdapterContract('discord', discordHarness);
