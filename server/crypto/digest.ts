// SHA-256 digests and random tokens: the two primitives sessions, keys and hashes are made of.
// Both run on every site request (a turn's request hash, a conversation's id), so they take the
// cheap paths: the one-shot hash, and random bytes drawn from a pooled buffer (a synchronous
// randomBytes call costs ~7 µs, mostly fixed overhead; this is how crypto.randomUUID does it).
import { hash, randomFillSync } from 'node:crypto';

/** SHA-256 of a UTF-8 string as lowercase hex. */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex');
}

const pool = Buffer.alloc(4096);
let used = pool.length;

/** `bytes` fresh bytes from the system CSPRNG; each byte of the pool is handed out once. */
function randomBytesPooled(bytes: number): Buffer {
  if (bytes > pool.length) return randomFillSync(Buffer.alloc(bytes));
  if (used + bytes > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const out = Buffer.from(pool.subarray(used, used + bytes));
  used += bytes;
  return out;
}

/** A URL-safe random token with `bytes` bytes of entropy. Default 32. */
export function randomToken(bytes = 32): string {
  return randomBytesPooled(bytes).toString('base64url');
}

/** A short random id with a readable prefix, e.g. `ver_3kq…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(12)}`;
}
