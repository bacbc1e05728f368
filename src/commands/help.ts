/** /help [command] — generated from the command list. */
import { bullets, code, command, errorReply, italic, message, paragraph, reply, text } from '../rich/build.js';
import { closest } from '../text/closest.js';
import { clip } from '../text/fold.js';
import type { Command, OptionSpec, Platform } from './types.js';

/** The usage line of a command: its declared usage or one built from its options. */
export function usageOf(c: Command): string {
  if (c.usage) return c.usage;
  const opts = c.options.map((o) => (o.required ? `<${o.name}>` : `[${o.name}]`));
  return [`/${c.name}`, ...opts].join(' ');
}

/** The options of a command offered on `platform`. */
const shown = (c: Command, platform: Platform): OptionSpec[] => c.options.filter((o) => !o.platforms || o.platforms.includes(platform));

/** /help: the command list, or one command explained. */
export const help: Command = {
  name: 'help',
  description: 'List the commands, or explain one',
  usage: '/help [command]',
  access: 'everyone',
  options: [{ name: 'command', description: 'A command to explain', type: 'string' }],
  run({ options }, inv, { commands }) {
    const asked = String(options.command ?? '').trim().replace(/^\//, '').toLowerCase();
    if (asked) {
      const c = commands.find((x) => x.name === asked);
      if (!c) {
        const guess = closest(asked, commands.map((x) => x.name))[0];
        return errorReply(text(`No command /${clip(asked)}.`), ...(guess ? [text(' Did you mean '), command(`/help ${guess}`), text('?')] : []));
      }
      return reply(message(`/${c.name}`, [
        paragraph(c.description, '.'),
        paragraph('Usage: ', command(usageOf(c))),
        ...(shown(c, inv.chat.platform).length ? [bullets(shown(c, inv.chat.platform).map((o) => [code(o.name), text(` — ${o.description}${o.required ? '' : ' (optional)'}`)]))] : []),
        ...(c.access === 'admin' ? [paragraph(italic('Only admins of a group can use it; in a private chat, you can.'))] : []),
      ]));
    }
    return reply(message('Commands', [
      bullets(commands.map((c) => [command(usageOf(c)), text(` — ${c.description}${c.access === 'admin' ? ' (admins)' : ''}`)])),
      paragraph('Arguments are forgiving: case and accents do not matter.'),
    ]));
  },
};
