import { describe, expect, it } from "vitest";
import { categoryPathPrefixes, isValidCategoryPath, normaliseCategoryPath } from "./category-path";

describe("category paths", () => {
  it("normalise the spacing around separators so one category has one spelling", () => {
    expect(normaliseCategoryPath("Tools>Power tools >  Drills ")).toBe("Tools > Power tools > Drills");
    expect(normaliseCategoryPath("Tools")).toBe("Tools");
  });

  it("refuse empty segments, over-long names and very deep trees", () => {
    expect(isValidCategoryPath("Tools > Drills")).toBe(true);
    expect(isValidCategoryPath("Tools > > Drills")).toBe(false);
    expect(isValidCategoryPath("Tools >")).toBe(false);
    expect(isValidCategoryPath("x".repeat(81))).toBe(false);
    expect(isValidCategoryPath(Array.from({ length: 9 }, (_, i) => `L${i}`).join(" > "))).toBe(false);
  });

  it("list every ancestor root first", () => {
    expect(categoryPathPrefixes("Tools > Power tools > Drills")).toEqual([
      { name: "Tools", path: "Tools" },
      { name: "Power tools", path: "Tools > Power tools" },
      { name: "Drills", path: "Tools > Power tools > Drills" },
    ]);
  });
});
