// Packs a trained weight matrix into a compact string for the flow version's JSON: int8-quantised,
// zeros dropped, rows as varint-coded (class gap, value) pairs, base64. Pure TS (no Buffer/btoa).

/** Weights per feature row, non-zeros only: the in-memory form the classifier scores with. */
export interface SparseWeights {
  features: number;
  classes: number;
  /** `rowStart[f]`..`rowStart[f + 1]` index the non-zeros of feature `f`. */
  rowStart: Int32Array;
  cls: Int32Array;
  values: Float32Array;
}

/**
 * Quantises a dense row-major matrix (`dense[f * classes + c]`) to `scale × q` with integer
 * q in [-127, 127], scale = max |w| / 127, dropping weights that round to 0.
 */
export function quantizeWeights(dense: Float32Array, features: number, classes: number): { weights: SparseWeights; scale: number; q: Int8Array } {
  let max = 0;
  for (let i = 0; i < dense.length; i++) max = Math.max(max, Math.abs(dense[i]!));
  const scale = max > 0 ? max / 127 : 1;
  const rowStart = new Int32Array(features + 1);
  const cls: number[] = [];
  const qs: number[] = [];
  for (let f = 0; f < features; f++) {
    rowStart[f] = cls.length;
    for (let c = 0; c < classes; c++) {
      const q = Math.round(dense[f * classes + c]! / scale);
      if (q === 0) continue;
      cls.push(c);
      qs.push(Math.max(-127, Math.min(127, q)));
    }
  }
  rowStart[features] = cls.length;
  const q = Int8Array.from(qs);
  const values = Float32Array.from(qs, (v) => v * scale);
  return { weights: { features, classes, rowStart, cls: Int32Array.from(cls), values }, scale, q };
}

function pushVarint(out: number[], value: number): void {
  let v = value >>> 0;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

/** Encodes quantised sparse weights as base64 of: per row, varint count, then (varint class gap, int8) pairs. */
export function encodeWeights(weights: SparseWeights, q: Int8Array): string {
  const bytes: number[] = [];
  for (let f = 0; f < weights.features; f++) {
    const start = weights.rowStart[f]!;
    const end = weights.rowStart[f + 1]!;
    pushVarint(bytes, end - start);
    let prev = -1;
    for (let p = start; p < end; p++) {
      pushVarint(bytes, weights.cls[p]! - prev - 1);
      prev = weights.cls[p]!;
      bytes.push(q[p]! & 0xff);
    }
  }
  return toBase64(Uint8Array.from(bytes));
}

/** Decodes {@link encodeWeights} output; returns a problem sentence instead of throwing on corrupt input. */
export function decodeWeights(text: string, features: number, classes: number, scale: number): SparseWeights | string {
  const bytes = fromBase64(text);
  if (bytes === null) return 'weights are not valid base64';
  const rowStart = new Int32Array(features + 1);
  const cls: number[] = [];
  const values: number[] = [];
  let i = 0;
  const readVarint = (): number => {
    let v = 0;
    let shift = 0;
    for (;;) {
      if (i >= bytes.length || shift > 28) return -1;
      const b = bytes[i++]!;
      v |= (b & 0x7f) << shift;
      if (b < 0x80) return v >>> 0;
      shift += 7;
    }
  };
  for (let f = 0; f < features; f++) {
    rowStart[f] = cls.length;
    const count = readVarint();
    if (count < 0 || count > classes) return `weights are corrupt at feature ${f}`;
    let prev = -1;
    for (let k = 0; k < count; k++) {
      const gap = readVarint();
      const c = prev + 1 + gap;
      if (gap < 0 || c >= classes || i >= bytes.length) return `weights are corrupt at feature ${f}`;
      const b = bytes[i++]!;
      cls.push(c);
      values.push((b > 127 ? b - 256 : b) * scale);
      prev = c;
    }
  }
  rowStart[features] = cls.length;
  if (i !== bytes.length) return 'weights have trailing bytes';
  return { features, classes, rowStart, cls: Int32Array.from(cls), values: Float32Array.from(values) };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    chunk +=
      ALPHABET[(n >> 18) & 63]! +
      ALPHABET[(n >> 12) & 63]! +
      (b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!) +
      (c === undefined ? '=' : ALPHABET[n & 63]!);
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/** Inverse of {@link toBase64}; null for text that is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const code = text.charCodeAt(i + k);
      const isPad = code === 61 && i + k >= text.length - pad;
      const v = isPad ? 0 : code < 128 ? LOOKUP[code]! : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
