// Validation problems: expected failures are values with a stable code, a JSON path and a sentence
// a designer understands. The server maps them to HTTP/tRPC errors at its edge.

/** Every code compileFlow can report. Codes are stable: tools and tests match on them. */
export const problemCodes = [
  'invalid_json',
  'invalid_document',
  'too_deeply_nested',
  'unsupported_schema_version',
  'invalid_field',
  'unknown_field',
  'duplicate_id',
  'unknown_node_type',
  'missing_start',
  'duplicate_start',
  'dangling_edge',
  'unknown_port',
  'port_without_edge',
  'port_with_several_edges',
  'unreachable_node',
  'loop_without_wait',
  'unknown_operator',
  'malformed_logic',
  'undeclared_variable',
  'unknown_intent',
  'intent_without_examples',
  'duplicate_intent',
  'unknown_variable',
  'knowledge_base_not_loaded',
  'knowledge_base_mismatch',
  'answer_without_knowledge',
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export type Severity = 'error' | 'warning';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  /** JSON path into the flow document, e.g. `nodes[3].data.rules[1].when`. Empty for the whole document. */
  path: string;
  /** One sentence for a designer: what is wrong, where, and usually what to do. */
  message: string;
  nodeId?: string;
  edgeId?: string;
  ruleId?: string;
  intent?: string;
}

/** Renders a path of keys and indexes as `a.b[2].c`. */
export function formatPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export function joinPath(base: string, ...rest: ReadonlyArray<PropertyKey>): string {
  const tail = formatPath(rest);
  if (!base) return tail;
  if (!tail) return base;
  return tail.startsWith('[') ? base + tail : `${base}.${tail}`;
}
