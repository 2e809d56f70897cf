import { describe, expect, it } from "vitest";
import { generateRackBins } from "./generate-rack-bins";
import { siteMapInput } from "./schemas";

describe("generateRackBins", () => {
  it("codes A-01-01…A-12-05 for 12 racks of 5 positions on one level, odd racks left of the aisle and even right", () => {
    const block = generateRackBins({ prefix: "A", racks: 12, levels: 1, positions: 5, binWidth: 1, binDepth: 1.5, aisleWidth: 3 });
    expect(block.bins).toHaveLength(60);
    expect(block.bins[0].code).toBe("A-01-01");
    expect(block.bins.at(-1)!.code).toBe("A-12-05");
    const shape = (id: string) => block.shapes.find((s) => s.id === id)!;
    expect(shape("A-01-01")).toEqual({ id: "A-01-01", kind: "bin", x: 0, y: 3, width: 1.5, height: 1, location: "A-01-01" });
    expect(shape("A-02-01")).toMatchObject({ x: 4.5, y: 3 });
    expect(shape("A-03-05")).toMatchObject({ x: 0, y: 3 + 5 + 4 });
    expect(shape("A:aisle")).toEqual({ id: "A:aisle", kind: "aisle", x: 1.5, y: 0, width: 3, height: 3 + 30 + 3 });
    expect(block.extent).toEqual({ width: 6, height: 36 });
    expect(block.shapes.filter((s) => s.kind === "rack")).toHaveLength(12);
  });

  it("counts aisles on by letter, adds the level to the code, and puts inner cross-aisles where asked", () => {
    const block = generateRackBins({
      prefix: "WH1-A",
      aisles: 3,
      racks: 4,
      levels: 2,
      positions: 2,
      origin: { x: 5, y: 5 },
      binWidth: 1,
      binDepth: 1,
      crossAisleEvery: 1,
    });
    expect(new Set(block.bins.map((b) => b.aisle))).toEqual(new Set(["WH1-A", "WH1-B", "WH1-C"]));
    expect(block.bins.map((b) => b.code)).toContain("WH1-C-04-02-2");
    expect(block.bins).toHaveLength(3 * 4 * 2 * 2);
    expect(block.shapes.filter((s) => s.id.includes("cross"))).toHaveLength(3);
    // Every shape fits a map the size of the extent, and every id is unique: the block saves as it is.
    expect(siteMapInput.safeParse({ version: 0, ...block.extent, unit: "m", shapes: block.shapes }).success).toBe(true);
  });

  it("refuses counts that are not whole and positive", () => {
    expect(() => generateRackBins({ prefix: "A", racks: 0, levels: 1, positions: 1, binWidth: 1, binDepth: 1 })).toThrow(RangeError);
    expect(() => generateRackBins({ prefix: "A", racks: 1, levels: 1.5, positions: 1, binWidth: 1, binDepth: 1 })).toThrow(RangeError);
  });
});
