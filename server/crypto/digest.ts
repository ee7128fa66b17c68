// SHA-256 digests and random tokens: the two primitives sessions, keys and hashes are made of.
import { createHash, randomBytes } from 'node:crypto';

/** SHA-256 of a UTF-8 string as lowercase hex. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A URL-safe random token with `bytes` bytes of entropy. Default 32. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** A short random id with a readable prefix, e.g. `ver_3kq…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
