/**
 * Checking that an HTTP interaction comes from Discord. Discord signs each
 * request with the application's Ed25519 key: `X-Signature-Ed25519` is the
 * hex signature of `X-Signature-Timestamp` followed by the raw body, checked
 * against the application's public key (hex, "Public Key" on the Developer
 * Portal's General Information page). Discord's docs ("Interactions →
 * Overview → Setting Up an Endpoint → Security and Authorization") require
 * a 401 for a request that fails, and Discord tests it: it sends requests
 * with bad signatures when the endpoint URL is saved, and now and then later.
 *
 * Done with node:crypto alone: the raw 32-byte key is wrapped in the fixed
 * SPKI DER header of an Ed25519 key (RFC 8410: SEQUENCE { SEQUENCE { OID
 * 1.3.101.112 }, BIT STRING }) to make a KeyObject.
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { PlacardError } from '../../src/errors.js';

/** The DER header of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes (RFC 8410, section 4). */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Header names, as Node lower-cases them. */
export const SIGNATURE_HEADER = 'x-signature-ed25519';
export const TIMESTAMP_HEADER = 'x-signature-timestamp';

/**
 * How far a request's timestamp may be from this machine's clock, in
 * seconds. Discord does not document a window; five minutes (as Slack's and
 * Stripe's signed requests use) refuses an old request replayed later and
 * tolerates clocks that are a little off.
 */
export const MAX_SKEW_SECONDS = 300;

/** `DISCORD_PUBLIC_KEY` is not a hex Ed25519 public key. */
export class InvalidPublicKeyError extends PlacardError {
  constructor() {
    super('discord_public_key_invalid', 'DISCORD_PUBLIC_KEY must be the 64 hex characters of the application\'s public key');
  }
}

/**
 * The KeyObject of a hex Ed25519 public key.
 *
 * @throws InvalidPublicKeyError when `hex` is not 32 bytes of hex
 */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new InvalidPublicKeyError();
  try {
    return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
  } catch {
    throw new InvalidPublicKeyError();
  }
}

/** The outcome of a check: `ok`, or why the request is refused. */
export type SignatureCheck = 'ok' | 'missing' | 'bad' | 'stale';

/** What is checked: the two headers (as received, maybe absent) and the raw body. */
export interface SignedRequest {
  readonly signature: string | readonly string[] | undefined;
  readonly timestamp: string | readonly string[] | undefined;
  readonly body: Buffer;
}

const one = (header: string | readonly string[] | undefined): string | undefined =>
  typeof header === 'string' ? header : undefined;

/**
 * Checks a request's signature over the raw bytes of its body (before any
 * parsing), then that its timestamp is within `maxSkewSeconds` of `nowMs`.
 */
export function checkSignature(key: KeyObject, request: SignedRequest, nowMs = Date.now(), maxSkewSeconds = MAX_SKEW_SECONDS): SignatureCheck {
  const signature = one(request.signature);
  const timestamp = one(request.timestamp);
  if (signature === undefined || timestamp === undefined || signature === '' || timestamp === '') return 'missing';
  if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,13}$/.test(timestamp)) return 'bad';
  const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), request.body]);
  let valid = false;
  try {
    valid = verify(null, message, key, Buffer.from(signature, 'hex'));
  } catch {
    valid = false;
  }
  if (!valid) return 'bad';
  return Math.abs(nowMs / 1000 - Number(timestamp)) > maxSkewSeconds ? 'stale' : 'ok';
}
