import { ValidationFailed, type FieldIssue } from "../domain-error";
import type { Gs1AiDefinition, Gs1Component } from "./ai-definition";
import { gs1AiTable } from "./ai-table.generated";
import { checkAiPairing } from "./ai-pairing";
import { gs1CheckDigit, hasValidGs1CheckDigit, toGtin14 } from "./check-digit";
import { componentLinters } from "./component-linters";

export type Gs1Element = { ai: string; value: string; title: string };
export type ParsedGs1 = {
  elements: Gs1Element[];
  /** Human-readable interpretation: "(01)09506000134352(10)ABC". */
  hri: string;
  /** AI element string as encoded after FNC1 in first position, GS (U+001D) after each AI that needs a separator. */
  elementString: string;
};

/** GS1 data that cannot be read. Each issue names the failing AI (or the position) and why. */
export class Gs1Invalid extends ValidationFailed {}

const GS = "\u001d";

/**
 * Symbology identifiers (ISO/IEC 15424) whose data is an AI element string with FNC1 in first position:
 * GS1-128, GS1 DataBar Expanded (and composite), GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
 */
const aiSymbologies = new Set(["]C1", "]e0", "]d2", "]Q3", "]J1"]);
/** EAN/UPC: the data is the bare GTIN-13 (]E0, also UPC-A with a leading 0) or GTIN-8 (]E4). */
const eanSymbologies = new Map([
  ["]E0", 13],
  ["]E4", 8],
]);

/**
 * Reads GS1 AI data in bracketed form ("(01)09506000134352(10)ABC", "\(" escapes a literal parenthesis) or as
 * raw scanner text: optional symbology identifier, GS (U+001D) separators, for which "^", "{FNC1}" and "<GS>"
 * are also accepted as typed stand-ins. Checks each value against GS1's Barcode Syntax Dictionary: length,
 * character set and the dictionary's linters (check digits, dates, country codes...) and the pairing rules between
 * AIs (ai-pairing.ts). Throws Gs1Invalid naming every failing AI.
 */
export function parseGs1(data: string, options: Gs1CheckOptions = {}): ParsedGs1 {
  const input = data.replace(/[\r\n]+$/, "");
  if (input === "") throw invalid("data", "is empty");
  return toParsedGs1(input.startsWith("(") ? splitBracketed(input) : splitScanned(input), options);
}

export type Gs1CheckOptions = {
  /**
   * Whether an AI's required companions ("req=") must be in the same data; default true. The dictionary judges
   * them over all carriers on an item, so a caller reading one label of several may turn this off.
   */
  checkRequisites?: boolean;
};

/** An AI and its value as read, not yet checked. */
export type RawGs1Element = { ai: string; value: string };

/**
 * Checks AIs already split from their carrier (element string or Digital Link URI) and gives their readings.
 * Repeated AIs with the same value are kept, as they were read.
 */
export function toParsedGs1(elements: readonly RawGs1Element[], options: Gs1CheckOptions = {}): ParsedGs1 {
  const unknown = elements.find((e) => !(e.ai in gs1AiTable));
  if (unknown) throw invalid("data", `AI (${unknown.ai}) is not a GS1 Application Identifier`);
  const linted = elements.flatMap((e) => lintElement(e.ai, e.value));
  // Pairing rules are judged on values that passed, so one bad value is not also reported as a missing AI.
  const issues = linted.length > 0 ? linted : checkAiPairing(elements, options.checkRequisites ?? true);
  if (issues.length > 0) throw new Gs1Invalid(issues);
  return {
    elements: elements.map(({ ai, value }) => ({ ai, value, title: gs1AiTable[ai].title })),
    hri: elements.map((e) => `(${e.ai})${e.value}`).join(""),
    elementString: elements.map((e, i) => e.ai + e.value + (i < elements.length - 1 && gs1AiTable[e.ai].needsFnc1Separator ? GS : "")).join(""),
  };
}

function invalid(field: string, message: string): Gs1Invalid {
  return new Gs1Invalid([{ field, message }]);
}

function knownAi(ai: string, where: string): Gs1AiDefinition {
  const definition = gs1AiTable[ai];
  if (!definition) throw invalid("data", `AI (${ai}) ${where} is not a GS1 Application Identifier`);
  return definition;
}

function splitBracketed(input: string): RawGs1Element[] {
  const elements: RawGs1Element[] = [];
  let pos = 0;
  while (pos < input.length) {
    const match = /^\((\d{2,4})\)/.exec(input.slice(pos));
    if (!match) throw invalid("data", `expected "(AI)" with an AI of 2 to 4 digits at position ${pos + 1}`);
    knownAi(match[1], `at position ${pos + 1}`);
    pos += match[0].length;
    let value = "";
    while (pos < input.length && input[pos] !== "(") {
      // "\(" is a literal parenthesis in the value (GS1 Barcode Syntax Engine's bracketed syntax).
      if (input.startsWith("\\(", pos)) {
        value += "(";
        pos += 2;
      } else {
        value += input[pos++];
      }
    }
    elements.push({ ai: match[1], value });
  }
  return elements;
}

function splitScanned(input: string): RawGs1Element[] {
  const typed = input.replace(/\{FNC1\}|<GS>|\^/g, GS);
  if (typed.startsWith("]")) {
    const symbology = typed.slice(0, 3);
    const rest = typed.slice(3);
    const eanLength = eanSymbologies.get(symbology);
    if (eanLength !== undefined) return [{ ai: "01", value: readEan(rest, eanLength, symbology) }];
    if (!aiSymbologies.has(symbology)) {
      throw invalid("data", `symbology identifier "${symbology}" does not mark GS1 AI data`);
    }
    if (rest === "") throw invalid("data", `no data after the symbology identifier ${symbology}`);
    return splitAiData(rest);
  }
  return splitAiData(typed);
}

function readEan(digits: string, length: number, symbology: string): string {
  if (!new RegExp(`^\\d{${length}}$`).test(digits)) {
    throw invalid("data", `${symbology} data must be ${length} digits, got "${digits}"`);
  }
  if (!hasValidGs1CheckDigit(digits)) {
    throw invalid("data", `GTIN ${digits} has a wrong check digit: expected ${gs1CheckDigit(digits.slice(0, -1))}`);
  }
  return toGtin14(digits);
}

/** Raw element string: each AI is found by its prefix (the dictionary's AIs are prefix-free). */
function splitAiData(data: string): RawGs1Element[] {
  const elements: RawGs1Element[] = [];
  let pos = 0;
  while (pos < data.length) {
    // Leading FNC1, a separator after a predefined-length AI, or a trailing one: all harmless.
    if (data[pos] === GS) {
      pos++;
      continue;
    }
    const ai = [2, 3, 4].map((n) => data.slice(pos, pos + n)).find((p) => /^\d+$/.test(p) && p in gs1AiTable);
    if (!ai) {
      throw invalid("data", `no GS1 Application Identifier at position ${pos + 1} ("${data.slice(pos, pos + 4)}...")`);
    }
    const definition = gs1AiTable[ai];
    pos += ai.length;
    const separator = data.indexOf(GS, pos);
    let end = separator === -1 ? data.length : separator;
    if (!definition.needsFnc1Separator) end = Math.min(end, pos + maxLength(definition.components));
    elements.push({ ai, value: data.slice(pos, end) });
    pos = end;
  }
  return elements;
}

function minLength(components: readonly Gs1Component[]): number {
  return components.reduce((sum, c) => sum + (c.optional ? 0 : c.min), 0);
}

function maxLength(components: readonly Gs1Component[]): number {
  return components.reduce((sum, c) => sum + c.max, 0);
}

/** GS1 General Specifications 7.11: the character sets of types N, X (CSET 82), Y (CSET 39), Z (base64url). */
const characterSets: Record<Gs1Component["type"], { pattern: RegExp; name: string }> = {
  N: { pattern: /^\d*$/, name: "digits only" },
  X: { pattern: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/, name: "characters of GS1 CSET 82" },
  Y: { pattern: /^[#\-/0-9A-Z]*$/, name: "characters of GS1 CSET 39" },
  Z: { pattern: /^[A-Za-z0-9\-_=]*$/, name: "characters of GS1 CSET 64 (base64url)" },
};

function lintElement(ai: string, value: string): FieldIssue[] {
  const { components } = gs1AiTable[ai];
  const field = `(${ai})`;
  const [min, max] = [minLength(components), maxLength(components)];
  if (value.length < min || value.length > max) {
    const expected = min === max ? `${min}` : `${min} to ${max}`;
    return [{ field, message: `must be ${expected} characters long, got ${value.length}` }];
  }
  const issues: FieldIssue[] = [];
  let pos = 0;
  for (const component of components) {
    if (pos >= value.length && component.optional) break;
    const length = component.min === component.max ? component.max : Math.min(value.length - pos, component.max);
    const part = value.slice(pos, pos + length);
    pos += length;
    if (part.length < component.min) {
      issues.push({ field, message: `is too short for its format ${gs1AiTable[ai].spec}` });
      break;
    }
    const charset = characterSets[component.type];
    if (!charset.pattern.test(part)) {
      issues.push({ field, message: `"${part}" must contain ${charset.name}` });
      continue;
    }
    for (const linter of component.linters) {
      const problem = componentLinters[linter]?.(part);
      if (problem) issues.push({ field, message: problem });
    }
  }
  if (pos < value.length) issues.push({ field, message: `is too long for its format ${gs1AiTable[ai].spec}` });
  return issues;
}
