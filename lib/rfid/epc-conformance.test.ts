import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeEpc } from "./decode-epc";
import { encodeSgtin96 } from "./encode-sgtin";

/**
 * EPC Tag Data Standard worked examples (TDS annex E, with the transcriber's fixes for the document's known
 * typos), kept outside the repository in ../shared. Each vector is decoded, from its hex and from its byte-padded
 * hex when given, and compared on tag URI, pure identity URI and element string (where the file has one); the
 * SGTIN-96 ones are encoded back to the same hex.
 */
const vectorsPath = fileURLToPath(new URL("../../../shared/data/gs1/epc_tds_vectors.json", import.meta.url));

/** Observed when this test was written: raise it when coverage grows, never lower it to make a build pass. */
const MIN_PASSING = 17;

type Vector = {
  scheme: string;
  hex: string;
  hex_byte_padded?: string;
  tag_uri: string;
  pure_identity_uri: string;
  gs1_element_string: string | null;
};

/** Why the vector fails, or undefined when it passes. */
function failureOf(vector: Vector): string | undefined {
  for (const hex of [vector.hex, vector.hex_byte_padded].filter((h): h is string => h !== undefined)) {
    const decoded = decodeEpc(hex);
    const elementString = decoded.elements.map((e) => `(${e.ai})${e.value}`).join("");
    if (decoded.tagUri !== vector.tag_uri) return `${hex}: tag URI ${decoded.tagUri}`;
    if (decoded.pureIdentityUri !== vector.pure_identity_uri) return `${hex}: pure identity URI ${decoded.pureIdentityUri}`;
    if (vector.gs1_element_string !== null && elementString !== vector.gs1_element_string) return `${hex}: element string ${elementString}`;
  }
  return vector.scheme === "SGTIN-96" ? reencodingFailure(vector) : undefined;
}

function reencodingFailure(vector: Vector): string | undefined {
  const decoded = decodeEpc(vector.hex);
  const [companyPrefix, , serial] = decoded.pureIdentityUri.replace("urn:epc:id:sgtin:", "").split(".");
  const gtin = decoded.elements[0].value;
  const { epc } = encodeSgtin96({ gtin, serial, filter: decoded.filter ?? undefined, companyPrefixLength: companyPrefix.length });
  return epc === vector.hex ? undefined : `re-encoded as ${epc}`;
}

describe("EPC Tag Data Standard conformance", () => {
  if (!existsSync(vectorsPath)) {
    it.skip(`skipped: ${vectorsPath} is not on this machine, so no EPC TDS vectors were run`, () => {});
    return;
  }

  it("decodes at least the recorded number of TDS examples and re-encodes the SGTIN-96 ones", () => {
    const { vectors } = JSON.parse(readFileSync(vectorsPath, "utf8")) as { vectors: Vector[] };
    const outcomes = vectors.map((vector) => {
      try {
        return { scheme: vector.scheme, why: failureOf(vector) };
      } catch (error) {
        return { scheme: vector.scheme, why: `threw ${(error as Error).message}` };
      }
    });
    const passed = outcomes.filter((o) => o.why === undefined).length;
    console.log(`EPC TDS conformance: ${passed}/${outcomes.length} vectors pass`);
    for (const scheme of new Set(outcomes.map((o) => o.scheme))) {
      const ofScheme = outcomes.filter((o) => o.scheme === scheme);
      console.log(`  ${scheme}: ${ofScheme.filter((o) => o.why === undefined).length}/${ofScheme.length}`);
    }
    for (const failure of outcomes.filter((o) => o.why !== undefined)) console.log(`  fails ${failure.scheme}: ${failure.why}`);
    expect(passed).toBeGreaterThanOrEqual(MIN_PASSING);
  });
});
