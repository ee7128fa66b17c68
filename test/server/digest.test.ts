import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newId, randomToken, sha256Hex } from '../../server/crypto/digest.ts';

describe('digests and random tokens', () => {
  it('hashes UTF-8 text with SHA-256, as createHash does', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const text = '{"kind":"message","text":"Grüße, 💳 1234"}';
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('never hands out the same random bytes twice, across refills of its pool', () => {
    // 18-byte tokens do not divide the 4,096-byte pool: some are drawn right at a refill.
    const tokens = Array.from({ length: 2_000 }, () => randomToken(18));
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => /^[A-Za-z0-9_-]{24}$/.test(t))).toBe(true);
    // Larger than the pool: drawn directly.
    expect(Buffer.from(randomToken(5_000), 'base64url')).toHaveLength(5_000);
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newId('ver')).toMatch(/^ver_[A-Za-z0-9_-]{16}$/);
  });

  it('draws bytes that look uniform (no zeroed or repeated pool)', () => {
    const bytes = Buffer.concat(Array.from({ length: 1_000 }, () => Buffer.from(randomToken(32), 'base64url')));
    const counts = new Array<number>(256).fill(0);
    for (const b of bytes) counts[b]!++;
    // 32,000 bytes: each value is expected 125 times; a broken pool (zeros, a repeated block) is far off.
    expect(Math.max(...counts)).toBeLessThan(200);
    expect(Math.min(...counts)).toBeGreaterThan(60);
  });
});
