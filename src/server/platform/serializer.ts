import fastJson from 'fast-json-stringify';
import { createSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * Makes JSON Schema that fast-json-stringify compiles into straight-line code: a union of primitive
 * types, or of one object or array and `null` (Zod's nullable), becomes one schema with a list of
 * types, and keywords that only validate (patterns, formats, bounds) are dropped: the serializer
 * writes values, it does not check them (the data was typed by the service).
 */
function simplify(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(simplify);
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as JsonSchema;
  const anyOf = s.anyOf as JsonSchema[] | undefined;
  if (anyOf) {
    const merged = mergedType(anyOf);
    if (merged) {
      const { anyOf: _, ...rest } = s;
      return simplify({ ...rest, ...merged });
    }
  }
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(s)) {
    if (VALIDATION_ONLY.has(key)) continue;
    // The keys of `properties` are field names, not keywords: a field may be called `pattern`.
    out[key] =
      key === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, field]) => [name, simplify(field)]))
        : simplify(value);
  }
  return out;
}

/** Keywords that only check a value; the serializer writes values without checking them. */
const VALIDATION_ONLY = new Set([
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  '$schema',
]);
const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * One schema for a union whose branches differ only in their primitive type (`string | number`, a
 * nullable enum, a union of literals): `{ type: [...] }`, which fast-json-stringify writes by
 * `typeof` instead of validating each value against every branch. `undefined` for anything else.
 */
function mergedType(branches: JsonSchema[]): JsonSchema | undefined {
  const types: string[] = [];
  let structured: JsonSchema | undefined;
  for (const branch of branches) {
    const type = branch.type;
    if (typeof type === 'string' && PRIMITIVES.has(type)) {
      if (Object.keys(branch).every((k) => ['type', 'const', 'enum', ...VALIDATION_ONLY].includes(k))) {
        if (!types.includes(type)) types.push(type);
        continue;
      }
    }
    // One structured branch (an object or array) may be nullable: `X | null`.
    if (structured || branch.anyOf || typeof type !== 'string') return undefined;
    structured = branch;
  }
  if (!structured) return { type: types.length === 1 ? types[0] : types };
  if (types.length !== 1 || types[0] !== 'null') return undefined;
  return { ...structured, type: [structured.type as string, 'null'] };
}

const zodSerializer = createSerializerCompiler({});

/**
 * The response serializer of every route: the route's Zod response schema as JSON Schema, compiled
 * by fast-json-stringify (Fastify's own serializer), so that only declared fields leave the server
 * and a large response is written without walking it through Zod first. A schema that JSON Schema
 * cannot express (a transform, `undefined`) falls back to Zod's encode-then-stringify.
 */
export const responseSerializer: typeof zodSerializer = (route) => {
  const schema = route.schema as z.ZodType;
  try {
    const json = simplify(z.toJSONSchema(schema, { io: 'output', target: 'draft-07' })) as JsonSchema;
    const stringify = fastJson(json as unknown as Parameters<typeof fastJson>[0]);
    return (data: unknown) => stringify(data);
  } catch {
    // Not expressible as JSON Schema (e.g. `z.undefined()` of a 204): Zod writes it.
    return zodSerializer(route);
  }
};
