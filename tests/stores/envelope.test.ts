/** The scan's fast envelope reader gives what keyv's own deserialiser gives. */
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { parseEnvelope } from '../../src/store/envelope.js';

const keyv = new Keyv<unknown>(new Map(), { namespace: undefined, useKeyPrefix: false });

const values: unknown[] = [
  { subscribed: true, timeZone: 'Asia/Almaty', reminderTime: '09:00', kind: 'group', language: 'kk', localeHint: 'ru-RU' },
  { targetId: ':starts-with-colon', nested: [':a', '::b', 'c:', { deep: ':x' }], n: 3, none: null },
  ':colon', '::two', 'plain', 42, null, true, [1, ':2', [':3']],
  { buf: Buffer.from('hello'), list: [Buffer.from([0, 255])] },
  JSON.parse('{"__proto__": ":colon", "own": 1}') as unknown,
];

describe('parseEnvelope', () => {
  it.each(values.map((v) => [JSON.stringify(v), v]))('reads %s as keyv does', async (_label, value) => {
    for (const expires of [undefined, 1_800_000_000_000]) {
      const raw = await keyv.serializeData({ value, expires });
      expect(typeof raw).toBe('string');
      expect(parseEnvelope(raw as string)).toEqual(await keyv.deserializeData(raw as string));
    }
  });

  it('keeps a key named __proto__ a plain property', () => {
    const env = parseEnvelope<Record<string, unknown>>('{"value":{"__proto__":"::x"}}');
    expect(Object.getPrototypeOf(env?.value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(env?.value, '__proto__')?.value).toBe(':x');
  });

  it('throws on what is not JSON', () => {
    expect(() => parseEnvelope('{not json')).toThrow(SyntaxError);
  });
});
