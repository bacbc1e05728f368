/**
 * Discord's documented limits for message components (action rows, buttons,
 * string select menus), checked the way Discord answers them: field errors
 * folded into 400 / 50035 "Invalid Form Body" by `validate.ts`.
 *
 * - at most 5 action rows (type 1); a row holds 1–5 buttons or exactly one select menu
 * - button (type 2): style 1–6; label ≤ 80; a non-link button needs a custom_id of 1–100 characters,
 *   a link button (style 5) a url and no custom_id; a label or an emoji
 * - string select (type 3): custom_id 1–100, 1–25 options (label and value 1–100, description ≤ 100,
 *   values unique), placeholder ≤ 150, 0 ≤ min_values ≤ max_values ≤ 25 and ≤ the options
 * - custom ids unique across the whole message
 */
import type { FieldError } from './validate.js';

type Path = (string | number)[];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const len = (v: unknown): number => (typeof v === 'string' ? [...v].length : 0);

function between(errors: FieldError[], path: Path, value: unknown, min: number, max: number): void {
  const n = len(value);
  if (typeof value !== 'string' && min > 0) errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  else if (n < min || n > max) errors.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between ${min} and ${max} in length.` });
}

function customId(errors: FieldError[], path: Path, value: unknown, seen: Set<string>): void {
  between(errors, path, value, 1, 100);
  if (typeof value !== 'string') return;
  if (seen.has(value)) errors.push({ path, code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
  seen.add(value);
}

function button(errors: FieldError[], p: Path, b: Record<string, unknown>, seen: Set<string>): void {
  const style = typeof b.style === 'number' ? b.style : 0;
  if (style < 1 || style > 6) errors.push({ path: [...p, 'style'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2, 3, 4, 5, 6).' });
  if (b.label !== undefined) between(errors, [...p, 'label'], b.label, 0, 80);
  if (style === 5) {
    if (typeof b.url !== 'string') errors.push({ path: [...p, 'url'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    if (b.custom_id !== undefined) errors.push({ path: [...p, 'custom_id'], code: 'COMPONENT_INVALID_FIELD', message: 'Link buttons cannot have a custom_id' });
  } else if (style !== 6) {
    customId(errors, [...p, 'custom_id'], b.custom_id, seen);
  }
  if (style !== 6 && len(b.label) === 0 && b.emoji === undefined) {
    errors.push({ path: [...p, 'label'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
}

function select(errors: FieldError[], p: Path, s: Record<string, unknown>, seen: Set<string>): void {
  customId(errors, [...p, 'custom_id'], s.custom_id, seen);
  if (s.placeholder !== undefined) between(errors, [...p, 'placeholder'], s.placeholder, 0, 150);
  const options = Array.isArray(s.options) ? s.options : [];
  if (options.length < 1 || options.length > 25) {
    errors.push({ path: [...p, 'options'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 25 in length.' });
  }
  const values = new Set<string>();
  options.forEach((o, j) => {
    const opt = isRecord(o) ? o : {};
    const op = [...p, 'options', j];
    between(errors, [...op, 'label'], opt.label, 1, 100);
    between(errors, [...op, 'value'], opt.value, 1, 100);
    if (opt.description !== undefined) between(errors, [...op, 'description'], opt.description, 0, 100);
    if (typeof opt.value === 'string' && values.has(opt.value)) {
      errors.push({ path: [...op, 'value'], code: 'SELECT_COMPONENT_OPTION_VALUE_DUPLICATED', message: 'Select component option values cannot be duplicated' });
    }
    if (typeof opt.value === 'string') values.add(opt.value);
  });
  const min = typeof s.min_values === 'number' ? s.min_values : 1;
  const max = typeof s.max_values === 'number' ? s.max_values : 1;
  if (min < 0 || min > 25 || max < 1 || max > 25 || min > max || max > Math.max(options.length, 1)) {
    errors.push({ path: [...p, 'max_values'], code: 'BASE_TYPE_BAD_INT', message: 'min_values and max_values must fit the options.' });
  }
}

/** Adds the field errors of a message's `components` (legacy action-row layout) to `errors`. */
export function validateComponents(errors: FieldError[], prefix: Path, components: unknown): void {
  if (!Array.isArray(components)) return;
  const at = [...prefix, 'components'];
  if (components.length > 5) errors.push({ path: at, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 5 or fewer in length.' });
  const seen = new Set<string>();
  components.forEach((row, i) => {
    const r = isRecord(row) ? row : {};
    const p = [...at, i];
    if (r.type !== 1) errors.push({ path: [...p, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (1,).' });
    const children = Array.isArray(r.components) ? r.components : [];
    if (children.length < 1 || children.length > 5) {
      errors.push({ path: [...p, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
    }
    const selects = children.filter((c) => isRecord(c) && c.type !== 2).length;
    if (selects > 0 && children.length > 1) {
      errors.push({ path: [...p, 'components'], code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message: 'The specified component exceeds the maximum width' });
    }
    children.forEach((c, j) => {
      const child = isRecord(c) ? c : {};
      const cp = [...p, 'components', j];
      if (child.type === 2) button(errors, cp, child, seen);
      else if (child.type === 3) select(errors, cp, child, seen);
      else if (typeof child.type === 'number' && child.type >= 5 && child.type <= 8) customId(errors, [...cp, 'custom_id'], child.custom_id, seen);
      else errors.push({ path: [...cp, 'type'], code: 'UNION_TYPE_CHOICES', message: 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).' });
    });
  });
}
