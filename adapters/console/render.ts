/**
 * Renders rich messages as plain terminal text. With `ansi` (an interactive
 * terminal) marks become bold/italic/underline escapes; otherwise the text is
 * plain, ready to pipe into other programs. Control characters in content or
 * echoed input are neutralised so nothing can drive the terminal.
 */
import { defaultVoice, type Voice } from '../../src/i18n/voice.js';
import type { Action, Block, Paging, Reply, RichMessage, Span } from '../../src/rich/model.js';

/** Options of the console renderer. */
export interface ConsoleRenderOptions {
  readonly ansi: boolean;
  /** The language of the console's own words (the paging hint); default English. */
  readonly voice?: Voice;
}

// C0/C1 controls except newline and tab: an ESC in an argument must not reach the terminal.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const safe = (s: string): string => s.replace(CONTROL, '\uFFFD');

function span(s: Span, ansi: boolean): string {
  let out = safe(s.text);
  if (s.code || s.command) out = ansi ? `\x1b[36m${out}\x1b[39m` : out;
  if (s.bold && ansi) out = `\x1b[1m${out}\x1b[22m`;
  if (s.italic && ansi) out = `\x1b[3m${out}\x1b[23m`;
  if (s.link) out = `${out} <${safe(s.link)}>`;
  return out;
}

const spans = (list: readonly Span[], ansi: boolean): string => list.map((s) => span(s, ansi)).join('');

function block(b: Block, ansi: boolean): string {
  switch (b.type) {
    case 'paragraph': return spans(b.spans, ansi);
    case 'heading': return ansi ? `\x1b[1m${spans(b.spans, ansi)}\x1b[22m` : `## ${spans(b.spans, ansi)}`;
    case 'quote': return spans(b.spans, ansi).split('\n').map((l) => `> ${l}`).join('\n');
    case 'list': return b.items.map((item, i) =>
      `${b.ordered ? `${(b.start ?? 1) + i}.` : '-'} ${spans(item, ansi)}`).join('\n');
  }
}

/** One message as terminal text. */
export function renderMessage(message: RichMessage, options: ConsoleRenderOptions): string {
  const parts: string[] = [];
  if (message.title !== undefined) {
    const title = safe(message.title);
    parts.push(options.ansi ? `\x1b[1;4m${title}\x1b[0m` : `# ${title}`);
  }
  for (const b of message.blocks) parts.push(block(b, options.ansi));
  return parts.join('\n\n');
}

/** "(page 2 of 5; previous: /statements 1, next: /statements 3)", in the voice's language. */
function pagingHint(p: Paging, voice: Voice): string {
  const base = `/${p.command}${p.args ? ` ${p.args}` : ''}`;
  const moves = [
    p.page > 1 ? voice.t('console-previous', { command: `${base} ${p.page - 1}` }) : '',
    p.page < p.pages ? voice.t('console-next', { command: `${base} ${p.page + 1}` }) : '',
  ].filter(Boolean).join(', ');
  return `(${voice.t('console-page', { page: p.page, pages: p.pages })}${moves ? `; ${safe(moves)}` : ''})`;
}

/** The command an action runs, as it is typed. */
export const actionCommand = (a: Action): string => `/${a.command}${a.args ? ` ${a.args}` : ''}`;

/** Actions as commands to type, one per line: the console has no buttons. */
function actionsHint(actions: readonly Action[], ansi: boolean): string {
  return actions.map((a) => `→ ${safe(a.label)}: ${span({ text: actionCommand(a), command: true }, ansi)}`).join('\n');
}

/** A whole reply as terminal text: messages separated by a rule, then the paging hint and the actions. */
export function renderReply(reply: Reply, options: ConsoleRenderOptions): string {
  const parts = [reply.messages.map((m) => renderMessage(m, options)).join('\n\n---\n\n')];
  if (reply.paging) parts.push(pagingHint(reply.paging, options.voice ?? defaultVoice()));
  if (reply.actions?.length) parts.push(actionsHint(reply.actions, options.ansi));
  return parts.join('\n\n');
}
