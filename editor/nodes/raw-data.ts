// Reading a node's data while it may be invalid: each getter returns a safe value of the type the
// field should have, so a half-edited or hand-written node never crashes the canvas or a panel.

export type RawData = Record<string, unknown>;

export function asRecord(value: unknown): RawData {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as RawData) : {};
}

export const str = (data: RawData, key: string, fallback = ''): string => {
  const v = data[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
};

export const num = (data: RawData, key: string): number | undefined => {
  const v = data[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

export const bool = (data: RawData, key: string): boolean => data[key] === true;

export const strList = (data: RawData, key: string): string[] => {
  const v = data[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

export const recordList = (data: RawData, key: string): RawData[] => {
  const v = data[key];
  return Array.isArray(v) ? v.map(asRecord) : [];
};

/** Returns a copy of `data` with `key` set, or removed when `value` is undefined. */
export function withField(data: RawData, key: string, value: unknown): RawData {
  const next = { ...data };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}
