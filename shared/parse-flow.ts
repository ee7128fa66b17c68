// Turns untrusted JSON into a FlowDocument, or every schema problem with its path. Graph-level
// checks (edges, reachability, rules) happen in runtime/compile on the parsed document.
import type { z } from 'zod';
import { flowDocumentEnvelope, FLOW_SCHEMA_VERSION, type FlowDocument } from './flow.ts';
import { isNodeType, nodeDefinitions, nodeTypes, type TypedNode } from './nodes/index.ts';
import { formatPath, type Problem } from './problem.ts';
import { MAX_JSON_DEPTH, pathBeyondDepth } from './json-depth.ts';

export type ParseFlowResult = { ok: true; doc: FlowDocument } | { ok: false; problems: Problem[] };

/** Parses a flow document (already JSON-decoded). Unknown fields are problems, so typos surface. */
export function parseFlow(input: unknown): ParseFlowResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [problem('invalid_document', '', 'A flow must be a JSON object.')] };
  }
  const raw = input as Record<string, unknown>;
  if (raw.schemaVersion !== FLOW_SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        problem(
          'unsupported_schema_version',
          'schemaVersion',
          `This file has schemaVersion ${JSON.stringify(raw.schemaVersion)}; this version of Switchboard reads schemaVersion ${FLOW_SCHEMA_VERSION}.`,
        ),
      ],
    };
  }
  const tooDeep = pathBeyondDepth(input);
  if (tooDeep) {
    return {
      ok: false,
      problems: [problem('too_deeply_nested', formatPath(tooDeep), `The flow is nested more than ${MAX_JSON_DEPTH} levels deep here; simplify this rule or value.`)],
    };
  }
  const problems: Problem[] = [];
  const envelope = flowDocumentEnvelope.safeParse(input, { reportInput: true });
  if (!envelope.success) problems.push(...zodProblems(envelope.error.issues, []));

  const rawNodes = Array.isArray(raw.nodes) ? raw.nodes : [];
  const nodes: TypedNode[] = [];
  rawNodes.forEach((node: unknown, index) => {
    if (typeof node !== 'object' || node === null) return; // reported by the envelope
    const { id, type, data } = node as Record<string, unknown>;
    const nodeId = typeof id === 'string' ? id : undefined;
    if (!isNodeType(type)) {
      problems.push({
        ...problem(
          'unknown_node_type',
          formatPath(['nodes', index, 'type']),
          `Node ${nodeId ?? `#${index + 1}`} has type ${JSON.stringify(type)}, which is not a node type (use one of: ${nodeTypes.join(', ')}).`,
        ),
        ...(nodeId ? { nodeId } : {}),
      });
      return;
    }
    const parsed = (nodeDefinitions[type].data as z.ZodType).safeParse(data ?? {}, { reportInput: true });
    if (!parsed.success) {
      for (const p of zodProblems(parsed.error.issues, ['nodes', index, 'data'], `Node ${nodeId ?? `#${index + 1}`} (${type})`)) {
        problems.push({ ...p, ...(nodeId ? { nodeId } : {}) });
      }
      return;
    }
    const envelopeNode = envelope.success ? envelope.data.nodes[index] : undefined;
    if (envelopeNode) nodes.push({ ...envelopeNode, type, data: parsed.data } as TypedNode);
  });

  if (problems.length > 0 || !envelope.success) return { ok: false, problems };
  return { ok: true, doc: { ...envelope.data, nodes } };
}

function problem(code: Problem['code'], path: string, message: string): Problem {
  return { code, severity: 'error', path, message };
}

/** Maps zod issues to problems; unknown keys become one `unknown_field` problem each. */
export function zodProblems(issues: readonly z.core.$ZodIssue[], prefix: PropertyKey[], owner?: string): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const segments = [...prefix, ...issue.path];
    // Inside a node, name the node and the field relative to its data ("Node n3 (ask): prompt …").
    const subject = owner ? (issue.path.length ? `${owner}: "${formatPath(issue.path)}"` : owner) : describe(segments);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push(
          problem('unknown_field', formatPath([...segments, key]), `${subject} has a field "${key}" that Switchboard does not know; remove it or check its spelling.`),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_union' && 'errors' in issue && issue.errors.length > 0) {
      // A discriminated union (e.g. condition `mode`) failed: report the branch that matched best.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      out.push(...zodProblems(best.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), prefix, owner));
      continue;
    }
    out.push(problem('invalid_field', formatPath(segments), `${subject} ${humanMessage(issue)}`));
  }
  return out;
}

function describe(segments: PropertyKey[]): string {
  return segments.length === 0 ? 'The flow' : `"${formatPath(segments)}"`;
}

function humanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? `is required (${article(issue.expected)}).` : `should be ${article(issue.expected)}, not ${typeName(issue.input)}.`;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `should be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be at least ${issue.minimum}.`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${issue.maximum}.`;
  const text = issue.message.endsWith('.') ? issue.message : `${issue.message}.`;
  return `is not valid: ${text[0]?.toLowerCase()}${text.slice(1)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', boolean: 'true or false', array: 'a list', object: 'an object' };
  return names[expected] ?? expected;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return article(typeof value);
}
