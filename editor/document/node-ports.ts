// The ports a node shows on the canvas, from the shared node definition. While a node's data is
// invalid (someone is typing), fields that fail are replaced by the type's defaults just for
// computing ports, so handles and their edges do not flicker away.
import type { z } from 'zod';
import { isNodeType, nodeDefinitions, type NodeDefinition, type NodeType, type PortSpec } from '../../shared/index.ts';

type AnyDefinition = NodeDefinition<NodeType, z.ZodType>;

export function definitionOf(type: string): AnyDefinition | undefined {
  return isNodeType(type) ? (nodeDefinitions[type] as AnyDefinition) : undefined;
}

const cache = new WeakMap<object, PortSpec[]>();

export function portsOfRaw(type: string, data: unknown): PortSpec[] {
  const key = typeof data === 'object' && data !== null ? data : null;
  const cached = key ? cache.get(key) : undefined;
  if (cached) return cached;
  const ports = computePorts(type, data);
  if (key) cache.set(key, ports);
  return ports;
}

function computePorts(type: string, data: unknown): PortSpec[] {
  const def = definitionOf(type);
  if (!def) return [];
  let candidate: unknown = data;
  for (let attempt = 0; attempt < 4; attempt++) {
    const parsed = def.data.safeParse(candidate);
    if (parsed.success) return def.ports(parsed.data);
    const defaults = def.defaults() as Record<string, unknown>;
    const base = typeof candidate === 'object' && candidate !== null && !Array.isArray(candidate) ? { ...(candidate as Record<string, unknown>) } : {};
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
        for (const k of issue.keys) delete base[k];
        continue;
      }
      const key = issue.path[0];
      if (typeof key !== 'string') continue;
      // Arrays that are merely too short still describe the ports (e.g. an intent router with no intents yet).
      if (issue.code === 'too_small' && Array.isArray(base[key])) continue;
      if (key in defaults) base[key] = defaults[key];
      else delete base[key];
    }
    if (parsed.error.issues.every((i) => i.code === 'too_small' || i.code === 'unrecognized_keys') && attempt === 0 && parsed.error.issues.some((i) => i.code === 'too_small')) {
      // Only length problems: describe ports from the data as it is.
      try {
        return def.ports(base);
      } catch {
        /* fall through to defaults */
      }
    }
    candidate = base;
  }
  const fallback = def.data.safeParse(def.defaults());
  return fallback.success ? def.ports(fallback.data) : [];
}
