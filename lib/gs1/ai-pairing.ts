// Rules between the AIs of one message: the Barcode Syntax Dictionary's "req=" and "ex=" attributes, repeated AIs,
// and the Syntax Engine's rule for digital signatures. GS1 General Specifications 4.14 ("Mandatory association" and
// "Invalid pairs" of element strings).
import type { FieldIssue } from "../domain-error";
import { gs1AiTable } from "./ai-table.generated";

type AiValue = { ai: string; value: string };

/** A dictionary pattern such as "310n" or "31nn", where each "n" stands for any digit. */
export function matchesAiPattern(pattern: string, ai: string): boolean {
  return pattern.length === ai.length && [...pattern].every((c, i) => (c === "n" ? /\d/.test(ai[i]) : c === ai[i]));
}

function attributeValues(ai: string, key: "req" | "ex"): string[] {
  return gs1AiTable[ai].attributes.filter((a) => a.startsWith(`${key}=`)).map((a) => a.slice(key.length + 1));
}

const bracket = (pattern: string) => `(${pattern})`;

function listWithOr(items: string[]): string {
  return items.length === 1 ? items[0] : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** Each issue names an AI and why it cannot stand in this message. */
export function checkAiPairing(elements: readonly AiValue[], isRequisiteChecked = true): FieldIssue[] {
  const ais = [...new Set(elements.map((e) => e.ai))];
  return [
    ...checkRepeats(elements),
    ...(isRequisiteChecked ? ais.flatMap((ai) => checkRequisites(ai, ais)) : []),
    ...ais.flatMap((ai) => checkExclusions(ai, ais)),
    ...checkSignedKeys(elements),
  ];
}

/** The same AI twice is harmless only when it carries the same value (e.g. read from two carriers). */
function checkRepeats(elements: readonly AiValue[]): FieldIssue[] {
  const values = new Map<string, Set<string>>();
  for (const { ai, value } of elements) values.set(ai, (values.get(ai) ?? new Set()).add(value));
  return [...values]
    .filter(([, distinct]) => distinct.size > 1)
    .map(([ai]) => ({ field: bracket(ai), message: "appears more than once with different values" }));
}

/**
 * Each "req=" attribute is one group; the group is met when every AI of one of its alternatives is present,
 * an alternative being one AI or pattern, or several joined by "+" ("01+21": GTIN with serial).
 */
function checkRequisites(ai: string, present: readonly string[]): FieldIssue[] {
  const isPresent = (pattern: string) => present.some((p) => matchesAiPattern(pattern, p));
  return attributeValues(ai, "req")
    .map((group) => group.split(",").map((alternative) => alternative.split("+")))
    .filter((alternatives) => !alternatives.some((all) => all.every(isPresent)))
    .map((alternatives) => ({
      field: bracket(ai),
      message: `requires ${listWithOr(alternatives.map((all) => all.map(bracket).join(" with ")))}`,
    }));
}

/** An AI is not exclusive of itself even when it matches one of its own patterns ("3100" and "ex=310n"). */
function checkExclusions(ai: string, present: readonly string[]): FieldIssue[] {
  const patterns = attributeValues(ai, "ex").flatMap((list) => list.split(","));
  const clashing = present.filter((other) => other !== ai && patterns.some((p) => matchesAiPattern(p, other)));
  return clashing.length === 0 ? [] : [{ field: bracket(ai), message: `must not appear with ${listWithOr(clashing.map(bracket))}` }];
}

/** Keys whose serial component is optional in the dictionary: GDTI, GCN and GRAI. */
const keysWithOptionalSerial = ["253", "255", "8003"];

/**
 * A digital signature (8030) signs one instance of an object, so a GDTI, GCN or GRAI beside it must carry its
 * serial component (GS1 Barcode Syntax Engine, validateDigSigRequiresSerialisedKey).
 */
function checkSignedKeys(elements: readonly AiValue[]): FieldIssue[] {
  if (!elements.some((e) => e.ai === "8030")) return [];
  return elements
    .filter((e) => keysWithOptionalSerial.includes(e.ai))
    .filter((e) => {
      const mandatory = gs1AiTable[e.ai].components.filter((c) => !c.optional).reduce((sum, c) => sum + c.max, 0);
      return e.value.length <= mandatory;
    })
    .map((e) => ({ field: bracket(e.ai), message: "must include its serial component when signed with (8030)" }));
}
