/**
 * What a person can press under a message: its buttons and the options of
 * its string select menus, read from the stored components. Pressing one
 * dispatches exactly the MESSAGE_COMPONENT interaction Discord would send
 * (`data.custom_id`, `data.component_type`, `data.values` for a select).
 */
import type { ComponentInput, InteractionDriver, InteractionHandle } from './interactions.js';
import type { FakeState } from './state.js';

/** One button, or one option of a string select menu, under a message. */
export interface Pressable {
  readonly kind: 'button' | 'option';
  /** Button label, or the option's label. */
  readonly label: string;
  /** The button's custom id, or the select menu's. */
  readonly customId: string;
  /** 2 button, 3 string select. */
  readonly componentType: 2 | 3;
  /** The option's value (select options only). */
  readonly value?: string;
  readonly disabled: boolean;
  /** Action row index. */
  readonly row: number;
}

/** Who presses (permissions, locale, user); where is the message's own channel. */
export type PressInput = Omit<ComponentInput, 'customId' | 'messageId' | 'componentType' | 'values'>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The buttons (link buttons excepted) and select options of a message's components, in reading order. */
export function pressablesOf(components: readonly unknown[]): Pressable[] {
  const out: Pressable[] = [];
  components.forEach((row, r) => {
    const children = isRecord(row) && Array.isArray(row.components) ? row.components : [];
    for (const c of children) {
      if (!isRecord(c) || typeof c.custom_id !== 'string') continue;
      const disabled = c.disabled === true;
      if (c.type === 2) {
        out.push({ kind: 'button', label: String(c.label ?? ''), customId: c.custom_id, componentType: 2, disabled, row: r });
      } else if (c.type === 3 && Array.isArray(c.options)) {
        for (const o of c.options) {
          if (!isRecord(o)) continue;
          out.push({ kind: 'option', label: String(o.label ?? ''), customId: c.custom_id, componentType: 3, value: String(o.value ?? ''), disabled, row: r });
        }
      }
    }
  });
  return out;
}

/** Presses `target` (a Pressable, or the label of one) under a stored message, as a person would. */
export function pressOn(
  state: FakeState,
  driver: InteractionDriver,
  messageId: string,
  target: Pressable | string,
  who: PressInput = {},
): InteractionHandle {
  const message = state.messages.get(messageId);
  if (!message || message.deleted) throw new Error(`fake Discord: unknown message ${messageId}`);
  const all = pressablesOf(message.components);
  const found = typeof target === 'string'
    ? all.find((p) => p.label === target)
    : all.find((p) => p.customId === target.customId && p.value === target.value);
  if (!found) throw new Error(`fake Discord: no component ${typeof target === 'string' ? target : target.label} on message ${messageId}`);
  if (found.disabled) throw new Error(`fake Discord: ${found.label} is disabled`);
  return driver.pressButton({
    ...who,
    messageId,
    customId: found.customId,
    componentType: found.componentType,
    ...(found.value === undefined ? {} : { values: [found.value] }),
  });
}
