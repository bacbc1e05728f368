/** /help [command] — generated from the command list and the catalogs. */
import { bullets, code, command, errorReply, italic, message, paragraph, reply, text } from '../rich/build.js';
import { closest } from '../text/closest.js';
import { clip } from '../text/fold.js';
import { describeCommand, describeOption, usageOf } from './describe.js';
import type { Command, OptionSpec, Platform } from './types.js';

/** The options of a command offered on `platform`. */
const shown = (c: Command, platform: Platform): OptionSpec[] => c.options.filter((o) => !o.platforms || o.platforms.includes(platform));

/** /help: the command list, or one command explained. */
export const help: Command = {
  name: 'help',
  access: 'everyone',
  // The list and each command's options depend on the platform and the language only.
  cacheable: true,
  options: [{ name: 'command', type: 'string' }],
  run({ options, voice }, inv, { commands }) {
    const asked = String(options.command ?? '').trim().replace(/^\//, '').toLowerCase();
    if (asked) {
      const c = commands.find((x) => x.name === asked);
      if (!c) {
        const guess = closest(asked, commands.map((x) => x.name))[0];
        return errorReply(...voice.rich(guess ? 'help-no-command-guess' : 'help-no-command', {
          command: `/${clip(asked)}`, ...(guess ? { guess: command(`/help ${guess}`) } : {}),
        }));
      }
      const opts = shown(c, inv.chat.platform);
      return reply(message(`/${c.name}`, [
        paragraph(describeCommand(voice, c), '.'),
        paragraph(...voice.rich('help-usage', { usage: command(usageOf(voice, c)) })),
        ...(opts.length ? [bullets(opts.map((o) => [code(o.name), text(' — '), text(describeOption(voice, c, o)),
          ...(o.required ? [] : [text(' '), text(voice.t('help-optional'))])]))] : []),
        ...(c.access === 'admin' ? [paragraph(italic(voice.t('help-admins-only')))] : []),
      ]));
    }
    return reply(message(voice.t('help-title'), [
      bullets(commands.map((c) => [command(usageOf(voice, c)), text(` — ${describeCommand(voice, c)}`),
        ...(c.access === 'admin' ? [text(' '), text(voice.t('help-admins-mark'))] : [])])),
      paragraph(voice.t('help-forgiving')),
    ]));
  },
};
