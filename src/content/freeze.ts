/**
 * Immutability helpers for the loaded campaign (and for the replies the
 * dispatcher caches): a deep `Object.freeze` over plain objects and arrays,
 * and a map that refuses writes once built.
 */

/** Freezes a value and every plain object or array reachable from it. Maps are left to `ReadOnlyMap`. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || value instanceof Map) return value;
  for (const key of Reflect.ownKeys(value)) {
    deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return Object.freeze(value);
}

/** A `Map` whose `set`, `delete` and `clear` throw once it is built. */
export class ReadOnlyMap<K, V> extends Map<K, V> {
  constructor(entries: Iterable<readonly [K, V]>) {
    super();
    for (const [k, v] of entries) super.set(k, v);
    Object.freeze(this);
  }

  override set(_key: K, _value: V): this {
    throw new TypeError('the campaign is read-only');
  }

  override delete(_key: K): boolean {
    throw new TypeError('the campaign is read-only');
  }

  override clear(): void {
    throw new TypeError('the campaign is read-only');
  }
}
