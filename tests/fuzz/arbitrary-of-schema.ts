/**
 * Inputs for fuzzing, drawn from an operation's own zod schema (as the JSON Schema the OpenAPI document
 * publishes): mostly inputs the schema accepts, built from the values a test warehouse really has so they reach
 * deep into the rules, and some with one hostile leaf (NUL characters, huge or fractional numbers, wrong types).
 * No maintained library turns zod 4 schemas into fast-check arbitraries (zod-fast-check targets zod 3), so this
 * covers the JSON Schema subset our schemas produce.
 */
import fc from "fast-check";
import { z } from "zod";

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
};

/** Strings that name real things in the test warehouse: SKUs, location and site codes, lots, ids, reasons. */
export type Dictionary = { strings: string[] };

const HOSTILE: fc.Arbitrary<unknown> = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "",
  " ",
  "\uD800",
  '\'; DROP TABLE "Item"; --',
  "../../etc/passwd",
  "x".repeat(10_000),
  -1,
  0,
  1.5,
  2 ** 31,
  2 ** 53,
  -(2 ** 53),
  1e308,
  null,
  true,
  [],
  {},
  [1, 2],
  { nested: { deeper: "\u0000" } },
);

function boundedString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === "date")
    return fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (schema.format === "date-time")
    return fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === "uuid") return fc.uuid();
  if (schema.format === "email") return fc.emailAddress();
  if (schema.pattern) {
    const minLength = schema.minLength ?? 0;
    const maxLength = schema.maxLength ?? 64;
    return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40), unit: "grapheme" });
}

function numberOf(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0.001) : -1_000);
  const max = Math.min(schema.maximum ?? 100_000, 100_000);
  if (integer) return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.max(Math.min(max, 2 ** 31 - 1), min) });
  return fc.double({ min, max: Math.max(max, min), noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values `schema` describes; known dictionary strings stand in for strings half the time. */
export function arbitraryOf(schema: JsonSchema, defs: Record<string, JsonSchema>, dictionary: Dictionary, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return arbitraryOf(defs[schema.$ref.replace("#/$defs/", "")] ?? {}, defs, dictionary, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => arbitraryOf(choice, defs, dictionary, depth)));
  if (schema.allOf) return arbitraryOf(Object.assign({}, ...schema.allOf), defs, dictionary, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "string":
      return dictionary.strings.length > 0 ? fc.oneof(fc.constantFrom(...dictionary.strings), boundedString(schema)) : boundedString(schema);
    case "integer":
      return numberOf(schema, true);
    case "number":
      return numberOf(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const maxLength = Math.min(schema.maxItems ?? 4, depth > 1 ? 2 : 4);
      return fc.array(arbitraryOf(schema.items ?? {}, defs, dictionary, depth + 1), {
        minLength: Math.min(schema.minItems ?? 0, maxLength),
        maxLength,
      });
    }
    case "object": {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [name, arbitraryOf(property, defs, dictionary, depth + 1)]),
      );
      return fc.record(properties, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
    }
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.boolean());
  }
}

/** The value with one leaf (or the whole) swapped for something hostile. */
function withHostileLeaf(value: unknown): fc.Arbitrary<unknown> {
  if (value === null || typeof value !== "object") return HOSTILE;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return HOSTILE;
  return fc.integer({ min: 0, max: entries.length - 1 }).chain((index) =>
    withHostileLeaf(entries[index][1]).map((leaf) => {
      const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
      (copy as Record<string, unknown>)[entries[index][0]] = leaf;
      return copy;
    }),
  );
}

/** Inputs for `schema`: three in four as the schema says, one in four with a hostile leaf. */
export function fuzzInputsOf(schema: z.ZodType, dictionary: Dictionary): fc.Arbitrary<unknown> {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const valid = arbitraryOf(json, json.$defs ?? {}, dictionary);
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: valid.chain(withHostileLeaf) });
}
