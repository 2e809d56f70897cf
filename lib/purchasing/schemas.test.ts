import { describe, expect, it } from "vitest";
import { purchaseOrderInput, purchaseReceiptInput } from "./schemas";

const fields = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.path.join("."));

describe("purchase order schemas", () => {
  it("takes a receipt by SSCC or by lines, never both or neither", () => {
    expect(purchaseReceiptInput.safeParse({ to: "a1", sscc: "376123450000000016" }).success).toBe(true);
    expect(purchaseReceiptInput.safeParse({ to: "a1", lines: [{ sku: "X", quantity: 1 }] }).success).toBe(true);
    expect(fields(purchaseReceiptInput.safeParse({ to: "a1" }))).toEqual(["lines"]);
    expect(fields(purchaseReceiptInput.safeParse({ to: "a1", sscc: "376123450000000016", lines: [{ sku: "X", quantity: 1 }] }))).toEqual(["lines"]);
  });

  it("refuses a receipt line of nothing, a SKU twice and fractions of a unit", () => {
    expect(fields(purchaseReceiptInput.safeParse({ to: "a1", lines: [{ sku: "X", quantity: 0, damaged: 0 }] }))).toEqual(["lines.0.quantity"]);
    expect(
      fields(
        purchaseReceiptInput.safeParse({
          to: "a1",
          lines: [
            { sku: "x", quantity: 1 },
            { sku: "X", quantity: 1 },
          ],
        }),
      ),
    ).toEqual(["lines.1.sku"]);
    expect(fields(purchaseOrderInput.safeParse({ supplier: "S", site: "W", lines: [{ sku: "X", quantity: 1.5 }] }))).toEqual(["lines.0.quantity"]);
    expect(fields(purchaseOrderInput.safeParse({ supplier: "S", site: "W", lines: [{ sku: "X", quantity: 1, unitCost: "1.23456" }] }))).toEqual([
      "lines.0.unitCost",
    ]);
  });
});
