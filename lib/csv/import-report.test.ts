import { describe, expect, it } from "vitest";
import { toProblem } from "../http/problem";
import { ImportRefused, RowProblems } from "./import-report";

describe("RowProblems", () => {
  it("gathers problems by row in line order, each message once", () => {
    const problems = new RowProblems();
    problems.add({ line: 7, sku: "B" }, "sku", "taken");
    problems.add({ line: 3 }, "name", "Enter a name");
    problems.add({ line: 7, sku: "B" }, "sku", "taken");
    problems.add({ line: 7, sku: "B" }, "barcodes", "bad");
    expect(problems.size).toBe(2);
    expect(problems.has(3)).toBe(true);
    expect(problems.list()).toEqual([
      { line: 3, errors: [{ field: "name", message: "Enter a name" }] },
      {
        line: 7,
        sku: "B",
        errors: [
          { field: "sku", message: "taken" },
          { field: "barcodes", message: "bad" },
        ],
      },
    ]);
  });
});

describe("ImportRefused", () => {
  it("is a 422 problem that carries the whole report", () => {
    const report = { rows: 3, valid: 2, invalid: [{ line: 4, sku: "X", errors: [{ field: "sku", message: "taken" }] }], imported: 0 };
    const problem = toProblem(new ImportRefused(report), "c");
    expect(problem).toMatchObject({
      status: 422,
      code: "import_refused",
      type: "/problems/import-refused",
      report,
      errors: [{ field: "line.4.sku", message: "taken" }],
      detail: "1 of 3 rows has a problem: nothing was imported. Correct them, or import only the valid rows",
    });
  });

  it("says how much was written when a write failed part-way", () => {
    const error = new ImportRefused({ rows: 5, valid: 4, invalid: [{ line: 6, errors: [{ field: "sku", message: "taken" }] }], imported: 2 });
    expect(error.message).toBe("1 of 5 rows has a problem: 2 rows were imported before the import stopped");
  });
});
