// What the conformance tests share (conformance.test.ts, digital-link.conformance.test.ts): how one vector's run
// becomes a pass or a reason, and the "^" notation GS1's vectors write FNC1 in.
import { Gs1Invalid } from "./parse-element-string";

export type Outcome = { source: string; passed: boolean; why?: string };

/** `run` answers undefined for a pass, else why it failed; a throw is a failure too. */
export function outcome(source: string, run: () => string | undefined): Outcome {
  try {
    const why = run();
    return { source, passed: why === undefined, why };
  } catch (error) {
    return { source, passed: false, why: `threw ${(error as Error).message}` };
  }
}

/**
 * Runs `read`; a Gs1Invalid means "rejected". A valid vector's reading is judged by `compare`; an invalid one must
 * be rejected (`shown` words what was wrongly accepted).
 */
export function judgeReading<T>(
  valid: boolean,
  label: string,
  read: () => T,
  compare: (result: T) => string | undefined,
  shown?: (result: T) => string,
) {
  try {
    const result = read();
    return valid ? compare(result) : `accepted invalid ${JSON.stringify(label)}${shown ? ` as ${shown(result)}` : ""}`;
  } catch (error) {
    if (!(error instanceof Gs1Invalid)) throw error;
    return valid ? `rejected valid ${JSON.stringify(label)}: ${error.message}` : undefined;
  }
}

/** An element string with each GS (FNC1) written "^", and FNC1 in first position, as the vectors spell it. */
export const toCaret = (elementString: string) => `^${elementString.replaceAll("\u001d", "^")}`;
