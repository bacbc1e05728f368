/**
 * Discord's documented request limits, checked the way Discord answers them:
 * 400 with code 50035 "Invalid Form Body" and a nested `errors` object, or
 * 50006 "Cannot send an empty message".
 */
import { validateComponents } from './validate-components.js';

/** One field error: where, Discord's error code string, message. */
export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** A JSON API error the REST layer returns as-is. */
export interface ApiError {
  status: number;
  body: { message: string; code: number; errors?: Record<string, unknown> };
}

/** Build an API error. */
export function apiError(status: number, code: number, message: string): ApiError {
  return { status, body: { message, code } };
}

/** Fold field errors into Discord's `Invalid Form Body` error (null when there are none). */
export function formError(errors: FieldError[]): ApiError | null {
  if (errors.length === 0) return null;
  const root: Record<string, unknown> = {};
  for (const e of errors) {
    let node = root;
    for (const key of e.path) {
      const k = String(key);
      const next = (node[k] ??= {}) as Record<string, unknown>;
      node = next;
    }
    const list = (node._errors ??= []) as unknown[];
    list.push({ code: e.code, message: e.message });
  }
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors: root } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);

function maxLength(errors: FieldError[], path: (string | number)[], value: unknown, max: number): void {
  if (len(value) > max) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function maxItems(errors: FieldError[], path: (string | number)[], value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

/** Characters that count toward the 6000 limit of all embeds of one message. */
export function embedSize(embed: unknown): number {
  if (!isRecord(embed)) return 0;
  let size = len(embed.title) + len(embed.description);
  if (isRecord(embed.footer)) size += len(embed.footer.text);
  if (isRecord(embed.author)) size += len(embed.author.name);
  if (Array.isArray(embed.fields)) for (const f of embed.fields) if (isRecord(f)) size += len(f.name) + len(f.value);
  return size;
}

function validateEmbeds(errors: FieldError[], prefix: (string | number)[], embeds: unknown): void {
  if (!Array.isArray(embeds)) return;
  const at = [...prefix, 'embeds'];
  maxItems(errors, at, embeds, 10);
  let total = 0;
  embeds.forEach((embed, i) => {
    if (!isRecord(embed)) return;
    const p = [...at, i];
    maxLength(errors, [...p, 'title'], embed.title, 256);
    maxLength(errors, [...p, 'description'], embed.description, 4096);
    if (isRecord(embed.footer)) maxLength(errors, [...p, 'footer', 'text'], embed.footer.text, 2048);
    if (isRecord(embed.author)) maxLength(errors, [...p, 'author', 'name'], embed.author.name, 256);
    maxItems(errors, [...p, 'fields'], embed.fields, 25);
    if (Array.isArray(embed.fields)) {
      embed.fields.forEach((field, j) => {
        const fp = [...p, 'fields', j];
        const f = isRecord(field) ? field : {};
        for (const key of ['name', 'value'] as const) {
          if (len(f[key]) === 0) errors.push({ path: [...fp, key], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
        }
        maxLength(errors, [...fp, 'name'], f.name, 256);
        maxLength(errors, [...fp, 'value'], f.value, 1024);
      });
    }
    total += embedSize(embed);
  });
  if (total > 6000) {
    errors.push({ path: at, code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }
}

function validateAllowedMentions(errors: FieldError[], prefix: (string | number)[], am: unknown): void {
  if (!isRecord(am)) return;
  const parse = Array.isArray(am.parse) ? am.parse : [];
  for (const kind of ['users', 'roles'] as const) {
    if (parse.includes(kind) && Array.isArray(am[kind]) && am[kind].length > 0) {
      errors.push({
        path: [...prefix, 'allowed_mentions'],
        code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
        message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
      });
    }
  }
}

/**
 * Validate a message body (channel message, interaction message, webhook
 * message or edit). `hasFiles` counts uploaded attachments as content.
 */
export function validateMessage(body: unknown, prefix: (string | number)[] = [], hasFiles = false): ApiError | null {
  const b = isRecord(body) ? body : {};
  const errors: FieldError[] = [];
  maxLength(errors, [...prefix, 'content'], b.content, 2000);
  validateEmbeds(errors, prefix, b.embeds);
  validateComponents(errors, prefix, b.components);
  validateAllowedMentions(errors, prefix, b.allowed_mentions);
  return formError(errors) ?? (isEmptyMessage(b, hasFiles) ? apiError(400, 50006, 'Cannot send an empty message') : null);
}

/** True when a message would have nothing to show. */
export function isEmptyMessage(b: Record<string, unknown>, hasFiles: boolean): boolean {
  const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  return (
    len(b.content) === 0 &&
    !nonEmpty(b.embeds) &&
    !nonEmpty(b.components) &&
    !nonEmpty(b.sticker_ids) &&
    !nonEmpty(b.attachments) &&
    b.poll === undefined &&
    !hasFiles
  );
}

/** Validate autocomplete choices (callback type 8): at most 25, names 1–100, string values ≤ 100. */
export function validateChoices(data: unknown): ApiError | null {
  const choices = isRecord(data) ? data.choices : undefined;
  const errors: FieldError[] = [];
  if (!Array.isArray(choices)) {
    errors.push({ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return formError(errors);
  }
  maxItems(errors, ['data', 'choices'], choices, 25);
  choices.forEach((c, i) => {
    const choice = isRecord(c) ? c : {};
    const n = len(choice.name);
    if (n < 1 || n > 100) {
      errors.push({ path: ['data', 'choices', i, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    }
    maxLength(errors, ['data', 'choices', i, 'value'], choice.value, 100);
  });
  return formError(errors);
}

const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateOptions(errors: FieldError[], at: (string | number)[], options: unknown): void {
  if (!Array.isArray(options)) return;
  maxItems(errors, at, options, 25);
  let optionalSeen = false;
  options.forEach((o, i) => {
    const opt = isRecord(o) ? o : {};
    const p = [...at, i];
    if (typeof opt.name !== 'string' || !NAME.test(opt.name) || opt.name !== opt.name.toLowerCase()) {
      errors.push({ path: [...p, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    }
    const d = len(opt.description);
    if (d < 1 || d > 100) {
      errors.push({ path: [...p, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    }
    maxItems(errors, [...p, 'choices'], opt.choices, 25);
    if (opt.type === 1 || opt.type === 2) validateOptions(errors, [...p, 'options'], opt.options);
    if (opt.required === true && optionalSeen) {
      errors.push({ path: at, code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (opt.required !== true) optionalSeen = true;
  });
}

/** Validate the body of a bulk overwrite (`PUT …/commands`). */
export function validateCommands(body: unknown): ApiError | null {
  if (!Array.isArray(body)) {
    return formError([{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }]);
  }
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  if (body.filter((c) => !isRecord(c) || (c.type ?? 1) === 1).length > 100) {
    errors.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  }
  body.forEach((c, i) => {
    const cmd = isRecord(c) ? c : {};
    const type = typeof cmd.type === 'number' ? cmd.type : 1;
    const name = typeof cmd.name === 'string' ? cmd.name : '';
    if (!NAME.test(name) || (type === 1 && name !== name.toLowerCase())) {
      errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
    }
    if (seen.has(`${type}:${name}`)) {
      errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: 'Application command names must be unique' });
    }
    seen.add(`${type}:${name}`);
    const d = len(cmd.description);
    if (type === 1 && (d < 1 || d > 100)) {
      errors.push({ path: [i, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
    }
    const perms = cmd.default_member_permissions;
    if (perms !== undefined && perms !== null && !(typeof perms === 'string' && /^\d+$/.test(perms))) {
      errors.push({ path: [i, 'default_member_permissions'], code: 'NUMBER_TYPE_COERCE', message: 'Value is not int.' });
    }
    validateOptions(errors, [i, 'options'], cmd.options);
  });
  return formError(errors);
}
