import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { toGtin14 } from "./check-digit";
import { componentLinters } from "./component-linters";
import { judgeReading, outcome, toCaret, type Outcome } from "./conformance-outcome";
import { parseGs1, type Gs1CheckOptions } from "./parse-element-string";

/**
 * GS1 Barcode Syntax Engine test vectors (Apache-2.0), kept outside the repository in ../shared. Runs every vector
 * of the kinds parseGs1 covers; the rest (scan data generation, linters not implemented, plain-text symbologies,
 * composites) are left out. Digital Link vectors run in digital-link.conformance.test.ts.
 */
const vectorsPath = fileURLToPath(new URL("../../../shared/data/gs1/gs1_syntax_engine_vectors.json", import.meta.url));

/** Observed when this test was written: raise it when coverage grows, never lower it to make a build pass. */
const MIN_PASSING = 5354;

/** The engine's parse and scan-data tests run without its requisite-AI validation, a separate step it tests apart. */
const parseOnly: Gs1CheckOptions = { checkRequisites: false };

function expectOutcome(
  valid: boolean,
  data: string,
  compare: (parsed: ReturnType<typeof parseGs1>) => string | undefined,
  options: Gs1CheckOptions = {},
) {
  return judgeReading(
    valid,
    data,
    () => parseGs1(data, options),
    compare,
    (parsed) => parsed.hri,
  );
}

type ParseVector = { valid: boolean; bracketed_input: string; expected_caret_fnc1: string; source: string };
type ScanVector = { valid: boolean; scan_data: string; expected_data: string; source: string };
type ValidateVector = { valid: boolean; validation: string; bracketed_input: string; source: string };
type LintVector = { kind: "lint_pass" | "lint_fail"; linter: string; input: string; source: string };

function runBracketed(vectors: ParseVector[]): Outcome[] {
  // "inbuf"/"expbuf" are the C test's buffer names for generated inputs, not data.
  return vectors
    .filter((v) => v.bracketed_input !== "inbuf")
    .map((v) =>
      outcome(v.source, () =>
        expectOutcome(
          v.valid,
          v.bracketed_input,
          (p) => (toCaret(p.elementString) === v.expected_caret_fnc1 ? undefined : `got ${toCaret(p.elementString)}`),
          parseOnly,
        ),
      ),
    );
}

function runScanned(vectors: ScanVector[]): Outcome[] {
  // Plain-text symbologies (]Q1, ]d1, ]J0: no AI data) and EAN/UPC composites ("|") are not parseGs1's job yet.
  return vectors
    .filter((v) => !/^\](Q1|d1|J0)/.test(v.scan_data) && !v.scan_data.includes("|"))
    .map((v) =>
      outcome(v.source, () =>
        expectOutcome(
          v.valid,
          v.scan_data,
          (p) => {
            const isEan = /^\]E[04]/.test(v.scan_data);
            const got = isEan ? p.elements.map((e) => `${e.ai}:${e.value}`).join() : toCaret(p.elementString);
            const want = isEan ? `01:${toGtin14(v.expected_data)}` : v.expected_data;
            return got === want ? undefined : `got ${got}, want ${want}`;
          },
          parseOnly,
        ),
      ),
    );
}

/** AI pairing rules: requisites, mutual exclusion, repeats, signed keys. */
function runValidations(vectors: ValidateVector[]): Outcome[] {
  return vectors.map((v) => outcome(v.source, () => expectOutcome(v.valid, v.bracketed_input, () => undefined)));
}

function runLinters(vectors: LintVector[]): Outcome[] {
  // An input of "data" is the C test's variable name for generated inputs, not data.
  return vectors
    .filter((v) => v.linter.replace(/^lint_/, "") in componentLinters && v.input !== "data")
    .map((v) =>
      outcome(v.source, () => {
        const problem = componentLinters[v.linter.replace(/^lint_/, "")](v.input);
        if (v.kind === "lint_pass") return problem;
        return problem === undefined ? `accepted ${JSON.stringify(v.input)}` : undefined;
      }),
    );
}

describe("GS1 Barcode Syntax Engine conformance", () => {
  if (!existsSync(vectorsPath)) {
    it.skip(`skipped: ${vectorsPath} is not on this machine, so no GS1 conformance vectors were run`, () => {});
    return;
  }

  it("passes at least the recorded number of bracketed, scanner-data, AI pairing and linter vectors", () => {
    const file = JSON.parse(readFileSync(vectorsPath, "utf8")) as {
      ai_element_string_parse: ParseVector[];
      scan_data_process: ScanVector[];
      validate_ais: ValidateVector[];
      component_linters: LintVector[];
    };
    const byKind = {
      bracketed: runBracketed(file.ai_element_string_parse),
      scanData: runScanned(file.scan_data_process),
      aiPairing: runValidations(file.validate_ais),
      componentLinters: runLinters(file.component_linters),
    };
    const outcomes = Object.values(byKind).flat();
    const passed = outcomes.filter((o) => o.passed).length;
    console.log(`GS1 conformance: ${passed}/${outcomes.length} vectors pass`);
    for (const [kind, list] of Object.entries(byKind)) {
      console.log(`  ${kind}: ${list.filter((o) => o.passed).length}/${list.length}`);
    }
    for (const failure of outcomes.filter((o) => !o.passed)) console.log(`  fails ${failure.source}: ${failure.why}`);
    expect(passed).toBeGreaterThanOrEqual(MIN_PASSING);
  });
});
