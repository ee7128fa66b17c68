// Checks an OpenAPI 3.1 document the way a client generator would trip over it (structure,
// references, path parameters, unique operation ids, schemas that compile) and validates real
// responses against it. JSON Schema validation uses Ajv (installed with Fastify); the component
// schemas use only keywords Ajv's draft-07 mode understands, which this checker also confirms.
import Ajv from 'ajv';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = Record<string, Json>;

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keywords the generated schemas may use (draft 2020-12 ∩ what Ajv 6 validates). */
const knownKeywords = new Set([
  'type', 'properties', 'required', 'additionalProperties', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems',
  'propertyNames', '$ref', '$defs', 'description', 'title', 'default', 'format', 'uniqueItems', 'examples', 'readOnly',
]);

export interface OpenApiValidator {
  problems(): string[];
  operations(): string[];
  /** Problems of a response: status documented, body valid against its JSON schema. */
  check(operationId: string, status: number, body: unknown): string[];
  /** Validates `value` against a standalone JSON Schema document. */
  validateWith(schema: unknown, value: unknown): string[];
}

function stripDialect(value: Json): Json {
  if (Array.isArray(value)) return value.map(stripDialect);
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (k !== '$schema' && k !== '$id') out[k] = stripDialect(v);
  return out;
}

function pointer(doc: Json, ref: string): Json | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let at: Json | undefined = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    at = isObj(at) ? at[key] : Array.isArray(at) ? at[Number(key)] : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

export function openApiValidator(raw: unknown): OpenApiValidator {
  const doc = stripDialect(raw as Json) as Obj;
  const ajv = new Ajv({ allErrors: true, validateSchema: false, unknownFormats: 'ignore', schemaId: 'auto' });
  ajv.addSchema(doc, 'openapi');
  const paths = (isObj(doc.paths) ? doc.paths : {}) as Record<string, Obj>;
  const ops = new Map<string, Obj>();
  for (const item of Object.values(paths)) for (const m of methods) if (isObj(item[m]) && typeof (item[m] as Obj).operationId === 'string') ops.set((item[m] as Obj).operationId as string, item[m] as Obj);

  const errorsOf = (validate: Ajv.ValidateFunction) => (validate.errors ?? []).map((e) => `${e.dataPath || '(root)'} ${e.message}`);

  return {
    problems() {
      const out: string[] = [];
      if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.1')) out.push('openapi must be 3.1.x');
      if (!isObj(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string') out.push('info.title and info.version are required');
      const ids = new Set<string>();
      for (const [path, item] of Object.entries(paths)) {
        if (!path.startsWith('/')) out.push(`${path}: paths start with /`);
        const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
        for (const m of methods) {
          const op = item[m];
          if (!isObj(op)) continue;
          const where = `${m.toUpperCase()} ${path}`;
          if (typeof op.operationId !== 'string') out.push(`${where}: no operationId`);
          else if (ids.has(op.operationId)) out.push(`${where}: duplicate operationId ${op.operationId}`);
          else ids.add(op.operationId);
          const params = Array.isArray(op.parameters) ? op.parameters.filter(isObj) : [];
          for (const name of templated) {
            if (!params.some((p) => p.name === name && p.in === 'path' && p.required === true)) out.push(`${where}: path parameter {${name}} is not declared as required`);
          }
          for (const p of params) if (p.in === 'path' && !templated.includes(String(p.name))) out.push(`${where}: path parameter ${p.name} is not in the path`);
          if (!isObj(op.responses) || Object.keys(op.responses).length === 0) out.push(`${where}: no responses`);
          else for (const [status, r] of Object.entries(op.responses)) if (!isObj(r) || typeof r.description !== 'string') out.push(`${where} ${status}: response needs a description`);
          for (const s of Array.isArray(op.security) ? op.security.filter(isObj) : []) {
            for (const name of Object.keys(s)) if (!isObj(doc.components) || !isObj(doc.components.securitySchemes) || !(name in doc.components.securitySchemes)) out.push(`${where}: unknown security scheme ${name}`);
          }
        }
      }
      const walk = (value: Json, at: string, inSchema: boolean) => {
        if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}/${i}`, inSchema));
        if (!isObj(value)) return;
        if (typeof value.$ref === 'string' && pointer(doc, value.$ref) === undefined) out.push(`${at}: unresolved $ref ${value.$ref}`);
        for (const [k, v] of Object.entries(value)) {
          if (inSchema && !knownKeywords.has(k)) out.push(`${at}: unexpected schema keyword ${k}`);
          const childIsSchema = ['properties', '$defs', 'patternProperties'].includes(k) ? false : inSchema || k === 'schema' || k === 'itemSchema';
          if (inSchema && ['properties', '$defs'].includes(k) && isObj(v)) for (const [name, sub] of Object.entries(v)) walk(sub, `${at}/${k}/${name}`, true);
          else walk(v, `${at}/${k}`, childIsSchema);
        }
      };
      walk(doc.paths ?? {}, '#/paths', false);
      const schemas = isObj(doc.components) && isObj(doc.components.schemas) ? doc.components.schemas : {};
      for (const [name, schema] of Object.entries(schemas)) {
        walk(schema, `#/components/schemas/${name}`, true);
        try {
          ajv.compile({ $ref: `openapi#/components/schemas/${name}` });
        } catch (error) {
          out.push(`#/components/schemas/${name}: does not compile: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      return out;
    },
    operations: () => [...ops.keys()],
    check(operationId, status, body) {
      const op = ops.get(operationId);
      if (!op) return [`no operation ${operationId}`];
      const responses = isObj(op.responses) ? op.responses : {};
      const response = responses[String(status)] ?? responses.default;
      if (!isObj(response)) return [`${operationId}: status ${status} is not documented`];
      const content = isObj(response.content) ? response.content : {};
      const media = content['application/json'];
      if (!isObj(media) || !isObj(media.schema)) return [];
      const validate = ajv.compile({ $ref: `openapi#${pathOfSchema(doc, media.schema)}` });
      return validate(body) ? [] : errorsOf(validate);
    },
    validateWith(schema, value) {
      const validate = new Ajv({ allErrors: true, validateSchema: false, unknownFormats: 'ignore', schemaId: 'auto' }).compile(stripDialect(schema as Json) as object);
      return validate(value) ? [] : errorsOf(validate);
    },
  };
}

/** The JSON pointer of a response schema (its $ref when it is one). */
function pathOfSchema(doc: Obj, schema: Obj): string {
  if (typeof schema.$ref === 'string') return schema.$ref.slice(1);
  throw new Error(`inline response schemas are not supported by this checker: ${JSON.stringify(schema).slice(0, 80)} in ${String(doc.openapi)}`);
}
