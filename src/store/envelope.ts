/**
 * Reading keyv's stored envelopes fast. keyv's default deserialiser
 * (@keyv/serialize) is `JSON.parse` with a reviver that turns strings
 * starting with ":base64:" into Buffers and drops the ":" keyv put before
 * strings starting with ":". A reviver makes JSON.parse several times slower,
 * which a scan of a million chats' settings feels; this parses without one,
 * then makes the same changes in one walk over the (small) result.
 */

/** keyv's stored envelope: the value and, for values with a ttl, when it expires. */
export interface Envelope<T> {
  readonly value?: T;
  readonly expires?: unknown;
}

const revive = (value: unknown): unknown => {
  if (typeof value === 'string') {
    if (!value.startsWith(':')) return value;
    return value.startsWith(':base64:') ? Buffer.from(value.slice(8), 'base64') : value.slice(1);
  }
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const before = record[key];
    const after = revive(before);
    // defineProperty, not assignment: a key named "__proto__" must stay a plain property.
    if (after !== before) Object.defineProperty(record, key, { value: after, writable: true, enumerable: true, configurable: true });
  }
  return record;
};

/** The envelope in `raw`, as keyv's default deserialiser would return it. @throws SyntaxError when `raw` is not JSON */
export function parseEnvelope<T>(raw: string): Envelope<T> | undefined {
  const parsed = revive(JSON.parse(raw)) as unknown;
  return typeof parsed === 'object' && parsed !== null ? (parsed as Envelope<T>) : undefined;
}
