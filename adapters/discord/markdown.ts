/**
 * Blocks and spans → Discord markdown. Escaping is applied here (through
 * `escape.ts`) to every piece of text; the only markup that is not escaped
 * is the markup this file writes on purpose: bold, italics, links, code,
 * command mentions (`</name:id>`) and timestamps (`<t:unix:F>`).
 */
import type { Voice } from '../../src/i18n/voice.js';
import type { Block, RichMessage, Span } from '../../src/rich/model.js';
import { ZWSP, codeSpan, escapeMarkdown, safeUrl } from './escape.js';

/** What rendering needs to know beyond the message itself. */
export interface MarkdownContext {
  /**
   * The registered id of a slash command by name, when known (for command
   * mentions). Renderings are kept per function: it must give the same id
   * for a name as long as it is used, and a new function stands for new ids.
   */
  readonly commandId?: (name: string) => string | undefined;
  /** The language of the words the adapter adds (paging buttons, the actions menu); default English. */
  readonly voice?: Voice;
}

/** A command name as Discord accepts it for a slash command. */
const COMMAND = /^\/([\p{Ll}\p{N}_-]{1,32})(?:\s+(.*))?$/su;

/**
 * A command hint (`/demands smk`): a command mention `</demands:ID>` followed
 * by its arguments when the command's id is known (the reader taps it and
 * Discord fills in the command), else the command as inline code.
 */
export function commandMarkdown(hint: string, ctx: MarkdownContext = {}): string {
  const lookup = ctx.commandId ?? noIds;
  let known = rendered.get(lookup);
  if (known === undefined) rendered.set(lookup, known = new Map());
  const hit = known.get(hint);
  if (hit !== undefined) return hit;
  // Hints come from answers (a few hundred distinct ones); a cap keeps odd ones from piling up.
  if (known.size >= MAX_KEPT_HINTS) known.clear();
  const md = mention(hint, lookup);
  known.set(hint, md);
  return md;
}

/** A lookup that knows no id. */
const noIds = (): undefined => undefined;
/** Rendered hints by id lookup (a new lookup whenever the ids change) and hint: `/help` lists the same ones on every answer. */
const rendered = new WeakMap<(name: string) => string | undefined, Map<string, string>>();
const MAX_KEPT_HINTS = 2000;

function mention(hint: string, lookup: (name: string) => string | undefined): string {
  const m = COMMAND.exec(hint.trim());
  const id = m === null ? undefined : lookup(m[1]!);
  if (m === null || id === undefined || !/^\d{1,20}$/.test(id)) return codeSpan(hint.trim()) ?? escapeMarkdown(hint.trim());
  const args = (m[2] ?? '').trim();
  return args === '' ? `</${m[1]!}:${id}>` : `</${m[1]!}:${id}> ${escapeMarkdown(args, false)}`;
}

/** A Discord timestamp (`<t:unix:F>`, shown in each reader's own zone), or undefined for an instant that is not one. */
export function timestampMarkdown(iso: string): string | undefined {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? `<t:${Math.floor(ms / 1000)}:F>` : undefined;
}

/**
 * One span as markdown; whitespace around a marked run stays outside the markers, or Discord ignores them.
 * `unbold` writes it as if it were not bold (a heading is bold as a whole).
 */
function inline(span: Span, ctx: MarkdownContext, unbold = false): string {
  const all = span.text;
  const body = all.trim();
  if (body === '') return all;
  // Most spans have no whitespace around them: no slices to make (rendering is on every answer's path).
  const start = body.length === all.length ? 0 : all.length - all.trimStart().length;
  const lead = start === 0 ? '' : all.slice(0, start);
  const trail = start + body.length === all.length ? '' : all.slice(start + body.length);
  if (span.command === true) return `${lead}${commandMarkdown(body, ctx)}${trail}`;
  const stamp = span.time === undefined ? undefined : timestampMarkdown(span.time);
  let md = stamp ?? (span.code ? (codeSpan(body) ?? escapeMarkdown(body)) : escapeMarkdown(body));
  if (span.italic) md = `*${md}*`;
  if (span.bold && !unbold) md = `**${md}**`;
  const url = span.link === undefined ? undefined : safeUrl(span.link);
  if (url !== undefined) md = `[${md}](${url})`;
  return `${lead}${md}${trail}`;
}

/** Spans joined; a zero-width space keeps `**a**` + `*b*` from reading as `***`. */
function inlines(spans: readonly Span[], ctx: MarkdownContext, unbold = false): string {
  let out = '';
  for (const span of spans) {
    const md = inline(span, ctx, unbold);
    const edge = out.at(-1);
    if (edge !== undefined && (edge === '*' || edge === '`') && md.startsWith(edge)) out += ZWSP;
    out += md;
  }
  return out;
}

function block(b: Block, ctx: MarkdownContext): string {
  switch (b.type) {
    case 'paragraph':
      return inlines(b.spans, ctx);
    case 'heading':
      return `**${inlines(b.spans, ctx, true)}**`;
    case 'quote':
      return inlines(b.spans, ctx).split('\n').map((line) => `> ${line}`).join('\n');
    case 'list':
      return b.items
        .map((item, i) => `${b.ordered ? `${(b.start ?? 1) + i}.` : '-'} ${inlines(item, ctx).replace(/\n/g, '\n   ')}`)
        .join('\n');
  }
}

/** The blocks of a message as markdown, separated by blank lines. */
export const messageBody = (message: RichMessage, ctx: MarkdownContext = {}): string =>
  message.blocks.map((b) => block(b, ctx)).filter((s) => s.length > 0).join('\n\n');
