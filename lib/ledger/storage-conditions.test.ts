import { describe, expect, it } from "vitest";
import { storageViolations } from "./storage-conditions";

const ambient = { tempMinC: null, tempMaxC: null, humidityMaxPct: null, hazardClasses: [] };
const chilled = { tempMinC: 2, tempMaxC: 8, humidityMaxPct: null, hazardClasses: [] };
const cage = { ...ambient, hazardClasses: ["3", "8"] };
const anything = { tempMinC: null, tempMaxC: null, humidityMaxPct: null, hazardClass: null };

describe("storageViolations", () => {
  it("lets an item without requirements go anywhere", () => {
    for (const place of [ambient, chilled, cage]) expect(storageViolations(anything, place)).toEqual([]);
  });

  it("keeps chilled goods out of uncontrolled and too-warm locations", () => {
    const milk = { ...anything, tempMinC: 2, tempMaxC: 8 };
    expect(storageViolations(milk, chilled)).toEqual([]);
    expect(storageViolations(milk, ambient)).toEqual(["needs at least 2 °C", "needs at most 8 °C"]);
    expect(storageViolations(milk, { ...chilled, tempMaxC: 12 })).toEqual(["needs at most 8 °C"]);
  });

  it("puts hazardous goods only where their class is approved", () => {
    expect(storageViolations({ ...anything, hazardClass: "3" }, cage)).toEqual([]);
    expect(storageViolations({ ...anything, hazardClass: "9" }, cage)).toEqual(["hazard class 9 needs an approved location"]);
  });

  it("reads Decimal-like values", () => {
    const frozen = { ...anything, tempMinC: { toString: () => "-25.0" }, tempMaxC: { toString: () => "-18.0" } };
    expect(storageViolations(frozen, { ...ambient, tempMinC: -25, tempMaxC: -18 })).toEqual([]);
  });
});
