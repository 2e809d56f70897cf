import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { hasValidGs1CheckDigit } from "./check-digit";
import { escapeDigitalLinkValue, parseDigitalLink, toDigitalLink, unescapeDigitalLinkValue } from "./digital-link";
import { judgeReading, outcome, toCaret, type Outcome } from "./conformance-outcome";
import { parseGs1 } from "./parse-element-string";

/**
 * GS1 Digital Link vectors kept outside the repository in ../shared: digital-link.js's validity tests and the GS1
 * Barcode Syntax Engine's Digital Link tests (both Apache-2.0). A Syntax Engine URI or AI string listed both as
 * valid and invalid was tested under different engine options (convenience alphas such as /gtin/, zero-suppressed
 * GTINs in the query, unknown AIs); such pairs are left out and counted.
 */
const dataDir = fileURLToPath(new URL("../../../shared/data/gs1/", import.meta.url));
const dlJsPath = `${dataDir}digital_link_js_vectors.json`;
const enginePath = `${dataDir}gs1_syntax_engine_vectors.json`;

/** Observed when this test was written: raise it when coverage grows, never lower it to make a build pass. */
const MIN_PASSING = 179;

/** Drops vectors whose key appears with both expectations. */
function withoutOptionDependent<T extends { valid: boolean }>(vectors: T[], key: (v: T) => string): [T[], number] {
  const expectations = new Map<string, Set<boolean>>();
  for (const v of vectors) expectations.set(key(v), (expectations.get(key(v)) ?? new Set()).add(v.valid));
  const kept = vectors.filter((v) => expectations.get(key(v))?.size === 1);
  return [kept, vectors.length - kept.length];
}

type DlJsFile = {
  uri_validity: { uri: string; expected_valid: boolean; source: string }[];
  check_digit: { key_length: number; input: string; expected: boolean; source: string }[];
  round_trip_example: { uri: string; compressed_uri: string; source: string };
};

function runDigitalLinkJs(file: DlJsFile): Record<string, Outcome[]> {
  const example = file.round_trip_example;
  return {
    dlJsValidity: file.uri_validity.map((v) =>
      outcome(v.source, () =>
        judgeReading(
          v.expected_valid,
          v.uri,
          () => parseDigitalLink(v.uri),
          () => undefined,
        ),
      ),
    ),
    dlJsCheckDigit: file.check_digit.map((v) =>
      outcome(v.source, () => (hasValidGs1CheckDigit(v.input.slice(0, v.key_length)) === v.expected ? undefined : `wrong for ${v.input}`)),
    ),
    // The uncompressed example must survive reading and writing (its non-AI parameters are the resolver's).
    dlJsRoundTrip: [
      outcome(example.source, () => {
        const got = toDigitalLink(parseDigitalLink(example.uri).elements, "https://gs1.evrythng.com");
        const want = example.uri.replace(/&thngId=[^&]*&linkType=test$/, "");
        return got === want ? undefined : `got ${got}`;
      }),
    ],
  };
}

type EngineFile = {
  digital_link_parse: { valid: boolean; uri: string; expected_caret_fnc1: string; source: string }[];
  digital_link_generate: {
    valid: boolean;
    stem: string | null;
    bracketed_ai: string;
    expected_uri: string;
    source: string;
  }[];
  uri_escape: { input: string; expected_path_component: string; expected_query_component: string; source: string }[];
  uri_unescape: { input: string; expected_path_component: string; expected_query_component: string; source: string }[];
};

function runEngine(file: EngineFile, skipped: Record<string, number>): Record<string, Outcome[]> {
  const [parse, parseSkipped] = withoutOptionDependent(file.digital_link_parse, (v) => v.uri);
  const [generate, generateSkipped] = withoutOptionDependent(file.digital_link_generate, (v) => `${v.stem} ${v.bracketed_ai}`);
  Object.assign(skipped, { engineParse: parseSkipped, engineGenerate: generateSkipped });
  const both = (got: [string, string], want: [string, string]) =>
    got[0] === want[0] && got[1] === want[1] ? undefined : `got ${JSON.stringify(got)}`;
  return {
    engineParse: parse.map((v) =>
      outcome(v.source, () =>
        judgeReading(
          v.valid,
          v.uri,
          () => parseDigitalLink(v.uri),
          (p) => (toCaret(p.elementString) === v.expected_caret_fnc1 ? undefined : `got ${toCaret(p.elementString)}`),
        ),
      ),
    ),
    engineGenerate: generate.map((v) =>
      outcome(v.source, () =>
        judgeReading(
          v.valid,
          v.bracketed_ai,
          () => toDigitalLink(parseGs1(v.bracketed_ai).elements, v.stem ?? undefined),
          (uri) => (uri === v.expected_uri ? undefined : `got ${uri}`),
        ),
      ),
    ),
    engineEscape: file.uri_escape.map((v) =>
      outcome(v.source, () =>
        both(
          [escapeDigitalLinkValue(v.input, "path"), escapeDigitalLinkValue(v.input, "query")],
          [v.expected_path_component, v.expected_query_component],
        ),
      ),
    ),
    engineUnescape: file.uri_unescape.map((v) =>
      outcome(v.source, () =>
        both(
          [unescapeDigitalLinkValue(v.input, "path"), unescapeDigitalLinkValue(v.input, "query")],
          [v.expected_path_component, v.expected_query_component],
        ),
      ),
    ),
  };
}

describe("GS1 Digital Link conformance", () => {
  if (!existsSync(dlJsPath) || !existsSync(enginePath)) {
    it.skip(`skipped: ${dlJsPath} or ${enginePath} is not on this machine, so no Digital Link vectors were run`, () => {});
    return;
  }

  it("passes at least the recorded number of digital-link.js and Syntax Engine Digital Link vectors", () => {
    const skipped: Record<string, number> = {};
    const byKind = {
      ...runDigitalLinkJs(JSON.parse(readFileSync(dlJsPath, "utf8")) as DlJsFile),
      ...runEngine(JSON.parse(readFileSync(enginePath, "utf8")) as EngineFile, skipped),
    };
    const outcomes = Object.values(byKind).flat();
    const passed = outcomes.filter((o) => o.passed).length;
    console.log(`GS1 Digital Link conformance: ${passed}/${outcomes.length} vectors pass`);
    for (const [kind, list] of Object.entries(byKind)) {
      const left = skipped[kind] ? ` (${skipped[kind]} option-dependent left out)` : "";
      console.log(`  ${kind}: ${list.filter((o) => o.passed).length}/${list.length}${left}`);
    }
    for (const failure of outcomes.filter((o) => !o.passed)) console.log(`  fails ${failure.source}: ${failure.why}`);
    expect(passed).toBeGreaterThanOrEqual(MIN_PASSING);
  });
});
