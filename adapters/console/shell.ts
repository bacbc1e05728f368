/**
 * The console adapter: try every command offline. On a terminal it is an
 * interactive shell (prompt, history; Ctrl-C drops a half-typed line, and on
 * an empty line Ctrl-C or Ctrl-D leaves, as in a shell); from a pipe
 * it answers one command per line, in order, and finishes at end of input.
 * The console user is the admin of a private chat.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, InvocationHandler, SendResult } from '../../src/adapter.js';
import type { ChatRef } from '../../src/chat.js';
import { parseCommandLine, type Dispatcher } from '../../src/commands/dispatch.js';
import type { Invocation } from '../../src/commands/types.js';
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import { code, errorReply } from '../../src/rich/build.js';
import type { RichMessage } from '../../src/rich/model.js';
import { renderMessage, renderReply } from './render.js';

/** The one chat of the console. */
export const CONSOLE_CHAT: ChatRef = { platform: 'console', chatId: 'console', kind: 'private' };

/** Options of the console adapter. */
export interface ConsoleOptions {
  readonly input: Readable;
  readonly output: Writable;
  /** Prompt and history (a terminal) or plain line-by-line (a pipe). */
  readonly interactive: boolean;
  /** Colour and bold escapes in output. */
  readonly ansi: boolean;
  readonly clock?: () => Date;
  readonly prompt?: string;
  /**
   * The dispatcher the handler runs (its `languageOf` and `voice`): the
   * console's own words follow the chat's `/language`. Default: English.
   */
  readonly languages?: Pick<Dispatcher, 'languageOf' | 'voice'>;
}

/** Console adapter; `finished` resolves when the input ends. */
export class ConsoleAdapter implements Adapter {
  readonly name = 'console' as const;
  private rl: Interface | undefined;
  /** True while a Ctrl-C'd line is submitted only to be dropped. */
  private discarding = false;
  /** Node ≥ 22 throws on `prompt()` after `close()` (Ctrl-D while an answer is on its way). */
  private closed = false;
  private resolveFinished!: () => void;
  /** Resolves when the input has ended and every answer was written. */
  readonly finished = new Promise<void>((resolve) => { this.resolveFinished = resolve; });

  constructor(private readonly options: ConsoleOptions) {}

  /** Starts reading commands. */
  async start(handler: InvocationHandler): Promise<void> {
    const { input, output, interactive } = this.options;
    // Asked before the interface exists, so no line typed meanwhile goes unheard.
    const welcome = interactive ? (await this.voice(this.invocation('help', ''))).t('console-welcome', { help: '/help' }) : '';
    const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, historySize: 200 });
    this.rl = rl;
    rl.setPrompt(this.options.prompt ?? 'placard> ');
    if (interactive) {
      this.write(`${welcome}\n`);
      rl.on('SIGINT', () => this.interrupt(rl));
      rl.prompt();
    }
    // Lines are answered strictly in order, even when they arrive faster than answers.
    let queue = Promise.resolve();
    rl.on('line', (line) => {
      if (this.discarding) {
        queue = queue.then(() => this.prompt());
        return;
      }
      queue = queue.then(async () => {
        const answer = await this.answer(line, handler);
        if (answer !== undefined) this.write(`${answer}\n\n`);
        if (interactive) this.prompt();
      });
    });
    rl.on('close', () => {
      this.closed = true;
      void queue.then(() => {
        if (interactive) this.write('\n');
        this.resolveFinished();
      });
    });
  }

  /** The console is ready as soon as it exists. */
  ready(): boolean {
    return true;
  }

  /** Stops reading. */
  async stop(): Promise<void> {
    this.rl?.close();
    await this.finished;
  }

  /** Prints a message (reminders delivered to the console). */
  async send(_target: ChatRef, message: RichMessage): Promise<SendResult> {
    this.write(`${renderMessage(message, { ansi: this.options.ansi })}\n`);
    return { kind: 'sent' };
  }

  /**
   * Ctrl-C at the prompt, as in bash: a half-typed line is left on screen with
   * `^C` after it, not run, and a fresh prompt follows (Up brings the line
   * back); on an empty line it leaves. Only readline's documented keys are
   * used, so it works on a dumb terminal too.
   */
  private interrupt(rl: Interface): void {
    if (rl.line.length === 0) {
      rl.close();
      return;
    }
    rl.write(null, { ctrl: true, name: 'e' });
    this.write('^C');
    this.discarding = true;
    try {
      rl.write(null, { name: 'return' });
    } finally {
      this.discarding = false;
    }
  }

  private prompt(): void {
    if (!this.closed) this.rl?.prompt();
  }

  /** An invocation of the console's one chat. */
  private invocation(command: string, typed: string): Invocation {
    return { command, text: typed, chat: CONSOLE_CHAT, role: async () => 'admin', now: (this.options.clock ?? (() => new Date()))() };
  }

  /** The voice of the console's own words for an answer to `invocation`; English when it cannot be told. */
  private async voice(invocation: Invocation): Promise<Voice> {
    const languages = this.options.languages;
    if (languages === undefined) return defaultVoice();
    try {
      return languages.voice(await languages.languageOf(invocation));
    } catch {
      return defaultVoice();
    }
  }

  private async answer(line: string, handler: InvocationHandler): Promise<string | undefined> {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) return undefined;
    const parsed = parseCommandLine(trimmed.startsWith('/') ? trimmed : `/${trimmed}`);
    const invocation = this.invocation(parsed?.command ?? '', parsed?.text ?? '');
    const reply = parsed ? await handler(invocation) : undefined;
    const voice = reply === undefined || reply.paging !== undefined ? await this.voice(invocation) : defaultVoice();
    const shown = reply ?? errorReply(...voice.rich('console-not-a-command', { help: code('/help') }));
    return renderReply(shown, { ansi: this.options.ansi, voice });
  }

  private write(text: string): void {
    this.options.output.write(text);
  }
}
