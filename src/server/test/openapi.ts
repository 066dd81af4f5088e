import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { today } from '../../shared/dates';

/**
 * The app's OpenAPI document read as tests need it (issue 20 §5 and §9): every operation with its
 * declared parameters, body and responses; a minimal valid value of a schema; and a validator of a
 * response against the declared schema that allows no property outside it.
 */

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
  [key: string]: unknown;
};

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/citizens/{id}`. */
  path: string;
  /** `METHOD path`, the key of the allow-table. */
  key: string;
  parameters: Parameter[];
  /** The JSON body's schema, or undefined for a route without a JSON body. */
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Declared responses: status → JSON schema (undefined for a response without JSON content). */
  responses: Record<string, JsonSchema | undefined>;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content?: Record<string, { schema: JsonSchema }> };
        responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
      }
    >
  >;
}

/** Every operation of the app's OpenAPI document (after `ready()`), HEAD left out. */
export function operations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as unknown as OpenApiDocument;
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(byMethod)) {
      const method = m.toUpperCase() as Operation['method'];
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const responses: Operation['responses'] = {};
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        responses[status] = response.content?.['application/json']?.schema;
      }
      ops.push({
        method,
        path,
        key: `${method} ${path}`,
        parameters: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        bodyRequired: op.requestBody?.required ?? false,
        responses,
      });
    }
  }
  return ops;
}

/** The route's declared success statuses (2xx). */
export const successStatuses = (op: Operation) =>
  Object.keys(op.responses)
    .map(Number)
    .filter((s) => s >= 200 && s < 300);

/** Hints for a minimal value: ids by property name (a citizenId that is a real citizen). */
export type IdHints = Record<string, string | undefined>;

/**
 * A small value that the schema accepts: required properties only, the first enum value, today for
 * a date, a string the pattern matches, the smallest allowed number. `ids` gives real ids by
 * property name for uuid fields; others get a fresh uuid.
 */
export function minimalValue(schema: JsonSchema, ids: IdHints = {}, name = ''): unknown {
  if (schema.anyOf?.length) {
    const first = schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0];
    return first ? minimalValue(first, ids, name) : null;
  }
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) {
        const property = schema.properties?.[key];
        if (property) out[key] = minimalValue(property, ids, key);
      }
      return out;
    }
    case 'array': {
      const n = schema.minItems ?? 0;
      return Array.from({ length: n }, () => (schema.items ? minimalValue(schema.items, ids, name) : null));
    }
    case 'integer':
    case 'number': {
      const min =
        schema.minimum ?? (schema.exclusiveMinimum === undefined ? 1 : Number(schema.exclusiveMinimum) + 1);
      const value = Math.max(min, 1);
      return schema.maximum !== undefined ? Math.min(value, schema.maximum) : value;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return minimalString(schema, ids, name);
    default:
      return {};
  }
}

function minimalString(schema: JsonSchema, ids: IdHints, name: string): string {
  if (schema.format === 'uuid') return ids[name] ?? crypto.randomUUID();
  if (schema.format === 'date') return today();
  if (schema.format === 'email') return 'matrix@example.invalid';
  if (schema.pattern) {
    const [value] = fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 });
    if (value !== undefined) return value.slice(0, schema.maxLength ?? value.length);
  }
  const length = Math.max(schema.minLength ?? 1, 5);
  return 'Matrix'.padEnd(length, 'x').slice(0, schema.maxLength ?? length);
}

/** A copy of a schema where every object allows no property it does not declare. */
export function closed(schema: JsonSchema): JsonSchema {
  if (Array.isArray(schema)) return schema.map(closed) as unknown as JsonSchema;
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([k, v]) => [k, closed(v)]),
      );
    } else if (value && typeof value === 'object') {
      out[key] = closed(value as JsonSchema);
    } else {
      out[key] = value;
    }
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  // OpenAPI 3.0's nullable admits null, also beside an enum (which JSON Schema checks apart).
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null))
    out.enum = [...out.enum, null];
  // On a schema without a type (a union) ajv refuses nullable: there, null is one more branch.
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    if (Array.isArray(out.anyOf)) out.anyOf = [...out.anyOf, { type: 'null' }];
    else return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/** The one error shape of the API (errors.ts): `{ code, message, params?, fields? }`, nothing else. */
const ERROR_BODY: JsonSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    message: { type: 'string', minLength: 1 },
    params: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, code: { type: 'string' } },
        required: ['path', 'code'],
      },
    },
  },
  required: ['code', 'message'],
};

/**
 * Validates JSON responses against the declared schema of the status (closed: no property outside
 * it), or against the error shape for a 4xx the route does not declare. Compiled once per schema.
 */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    addFormats.default(this.ajv);
  }

  /** An error message, or undefined when the body is what the route declares for the status. */
  check(op: Operation, status: number, body: unknown): string | undefined {
    const declared = op.responses[String(status)];
    let key: string;
    let schema: JsonSchema | undefined;
    if (declared) {
      key = `${op.key} ${status}`;
      schema = declared;
    } else if (status >= 400 && status < 500) {
      key = 'error';
      schema = ERROR_BODY;
    } else {
      return `status ${status} is not declared`;
    }
    let validate = this.cache.get(key);
    if (!validate) {
      validate = this.ajv.compile(closed(schema));
      this.cache.set(key, validate);
    }
    if (validate(body)) return undefined;
    return this.ajv.errorsText(validate.errors);
  }
}
