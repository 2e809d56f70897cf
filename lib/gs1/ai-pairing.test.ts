import { describe, expect, it } from "vitest";
import { checkAiPairing, matchesAiPattern } from "./ai-pairing";
import { Gs1Invalid, parseGs1 } from "./parse-element-string";

const GTIN = "09506000134352";

function issuesOf(data: string) {
  try {
    parseGs1(data);
  } catch (error) {
    if (error instanceof Gs1Invalid) return error.issues;
    throw error;
  }
  throw new Error(`expected ${data} to be rejected`);
}

describe("matchesAiPattern", () => {
  it("treats each n as any digit and compares the rest exactly", () => {
    expect(matchesAiPattern("310n", "3105")).toBe(true);
    expect(matchesAiPattern("31nn", "3125")).toBe(true);
    expect(matchesAiPattern("310n", "3115")).toBe(false);
    expect(matchesAiPattern("310n", "310")).toBe(false);
  });
});

describe("required companions (req=)", () => {
  it("names the AI and every alternative it lacks", () => {
    expect(issuesOf("(10)ABC")).toEqual([{ field: "(10)", message: "requires (01), (02), (03), (8006) or (8026)" }]);
  });

  it("is met by any one alternative", () => {
    expect(parseGs1(`(01)${GTIN}(10)ABC`).elements).toHaveLength(2);
  });

  it("wants every AI of a + combination", () => {
    expect(issuesOf(`(01)${GTIN}(8040)123456789012345`)).toEqual([{ field: "(8040)", message: "requires (01) with (21)" }]);
    expect(parseGs1(`(01)${GTIN}(21)S1(8040)123456789012345`).elements).toHaveLength(3);
  });

  it("checks each req= attribute as its own group", () => {
    // (3925) requires (01), and also a count or measure: (30), (31nn), (32nn), (35nn) or (36nn).
    expect(issuesOf(`(01)${GTIN}(3925)12599`)).toEqual([{ field: "(3925)", message: "requires (30), (31nn), (32nn), (35nn) or (36nn)" }]);
    expect(parseGs1(`(01)${GTIN}(3925)12599(3103)000500`).elements).toHaveLength(3);
  });

  it("can be left to the caller that reads one label of several", () => {
    expect(parseGs1("(10)ABC", { checkRequisites: false }).hri).toBe("(10)ABC");
    expect(checkAiPairing([{ ai: "10", value: "ABC" }], false)).toEqual([]);
  });
});

describe("exclusions (ex=)", () => {
  it("rejects AIs that must not appear together, naming the other one", () => {
    const issues = issuesOf(`(00)106141411234567897(01)${GTIN}(02)${GTIN}(37)5`);
    expect(issues).toContainEqual({ field: "(01)", message: "must not appear with (37)" });
    expect(issues).toContainEqual({ field: "(02)", message: "must not appear with (01)" });
  });

  it("applies wildcards to other AIs but never to the AI itself", () => {
    expect(issuesOf(`(01)${GTIN}(3100)000500(3102)000500`)).toContainEqual({
      field: "(3100)",
      message: "must not appear with (3102)",
    });
    expect(parseGs1(`(01)${GTIN}(3100)000500(3100)000500`).elements).toHaveLength(3);
  });
});

describe("repeated AIs", () => {
  it("keeps a repeat with the same value, as read", () => {
    expect(parseGs1("(400)ABC(99)X(400)ABC").hri).toBe("(400)ABC(99)X(400)ABC");
  });

  it("rejects a repeat with another value", () => {
    expect(issuesOf("(400)ABC(400)XYZ")).toEqual([{ field: "(400)", message: "appears more than once with different values" }]);
  });
});

describe("digital signature (8030)", () => {
  it("wants a GDTI, GCN or GRAI beside it to carry its serial component", () => {
    expect(issuesOf("(253)1234567890128(8030)ABC123")).toEqual([
      { field: "(253)", message: "must include its serial component when signed with (8030)" },
    ]);
    expect(parseGs1("(253)1234567890128X(8030)ABC123").elements).toHaveLength(2);
  });
});
