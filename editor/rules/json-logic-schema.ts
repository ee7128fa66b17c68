// A JSON Schema for the JSON-logic dialect flows use (json-logic-js 2.0.5 operators, from the
// runtime's operator catalogue), so Monaco completes operators and variable names and explains
// each operator on hover. Generated per flow because `var` completes that flow's fields.
import { operatorSpecs } from '../../runtime/logic/index.ts';

export type JsonSchema = { [key: string]: unknown };

const logicRef = { $ref: '#/definitions/logic' };

function snippetArgs(op: string, minArgs: number): unknown {
  if (op === 'var') return 'vars.${1:name}';
  if (op === 'and' || op === 'or') return [{}, {}];
  if (op === '!' || op === '!!') return { var: '${1:nlu.outOfScope}' };
  if (op === 'in') return ['${1:text}', { var: '${2:message.text}' }];
  if (minArgs >= 2) return [{ var: '${1:vars.amount}' }, '${2:0}'];
  return ['${1}'];
}

/** The schema; `variables` are offered as completions for `{"var": …}`. */
export function jsonLogicSchema(variables: readonly { name: string; description: string }[]): JsonSchema {
  const names = variables.map((v) => v.name);
  const varName = {
    anyOf: [
      { type: 'string', enum: names, markdownEnumDescriptions: variables.map((v) => v.description) },
      { type: 'string', pattern: '^(message|nlu|vars|customer|conversation|kb|current|accumulator|intent|confidence)(\\.|$)' },
      { type: 'number' },
    ],
  };
  const operators = Object.entries(operatorSpecs).map(([op, spec]) => {
    let args: unknown;
    if (op === 'var') args = { anyOf: [varName, { type: 'array', items: [varName, {}], minItems: 1, maxItems: 2 }] };
    else if (spec.needsList) {
      args = { type: 'array', items: logicRef, minItems: spec.minArgs, ...(Number.isFinite(spec.maxArgs) ? { maxItems: spec.maxArgs } : {}) };
    } else args = { anyOf: [logicRef, { type: 'array', items: logicRef }] };
    const doc = `**${op}** — ${spec.title}: needs ${spec.expects}.`;
    return {
      type: 'object',
      title: spec.title,
      description: `${op}: ${spec.title} (${spec.expects})`,
      markdownDescription: doc,
      properties: { [op]: { ...(args as object), description: `${spec.title}: ${spec.expects}`, markdownDescription: doc } },
      required: [op],
      additionalProperties: false,
      defaultSnippets: [{ label: `${op}  ${spec.title}`, description: spec.expects, body: { [op]: snippetArgs(op, spec.minArgs) } }],
    };
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'JSON-logic rule',
    definitions: {
      logic: {
        anyOf: [
          { type: ['string', 'number', 'boolean', 'null'] },
          { type: 'array', items: logicRef },
          ...operators,
          // Objects with no or several keys are plain data in json-logic-js.
          { type: 'object', maxProperties: 0 },
          { type: 'object', minProperties: 2 },
        ],
      },
    },
    $ref: '#/definitions/logic',
  };
}
