import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { parseCsv } from "../csv/parse-csv";
import { getDb } from "../db/client";
import { exportStock } from "./export-stock";
import { importOpeningStock } from "./import-opening-stock";
import { postMovement } from "./post-movement";
import { STOCK_CSV } from "./stock-csv-row";

const db = getDb();

async function exported(chunks: AsyncIterable<string>) {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return { text, rows: parseCsv(text, STOCK_CSV).rows.map((r) => r.values) };
}

describe("exportStock", () => {
  it("writes what is on hand at physical locations, with lots, expiry and serials, and nothing at another's site to a clerk", async () => {
    const [home, away] = [await buildWarehouse(db), await buildWarehouse(db)];
    const receive = (sku: string, to: string, quantity: number, extra: object = {}) =>
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku, to, quantity, reason: "received", ...extra });
    await receive(home.items.plain.sku, home.bins.a1.code, 5);
    await receive(home.items.lotted.sku, home.bins.a2.code, 3, { lot: "-L1", expiresAt: "2031-01-31" });
    await receive(home.items.serialised.sku, home.bins.a1.code, 2, { serials: ["SN-2", "SN-1"] });
    await receive(home.items.plain.sku, home.bins.a2.code, 1);
    await postMovement(db, SYSTEM_ACTOR, { kind: "issue", sku: home.items.plain.sku, from: home.bins.a2.code, quantity: 1, reason: "sold" });
    await receive(away.items.plain.sku, away.bins.a1.code, 9);
    const clerk = await buildUser(db, "clerk", { sites: [home.site.code] });

    const { rows } = await exported(exportStock(db, clerk.actor, { pageSize: 2 }));
    const sorted = rows.sort((a, b) => a.sku.localeCompare(b.sku));
    // The lot starts like a formula, so the file guards it (the import takes the guard off again).
    expect(sorted).toEqual([
      {
        sku: home.items.lotted.sku,
        location: home.bins.a2.code,
        quantity: "3",
        lot: "'-L1",
        expires: "2031-01-31",
        serials: "",
        unit_cost: "",
        reference: "",
      },
      { sku: home.items.plain.sku, location: home.bins.a1.code, quantity: "5", lot: "", expires: "", serials: "", unit_cost: "", reference: "" },
      {
        sku: home.items.serialised.sku,
        location: home.bins.a1.code,
        quantity: "2",
        lot: "",
        expires: "",
        serials: "SN-1|SN-2",
        unit_cost: "",
        reference: "",
      },
    ]);
    const all = (await exported(exportStock(db, SYSTEM_ACTOR))).rows;
    expect(all.some((r) => r.location === away.bins.a1.code && r.quantity === "9")).toBe(true);
    expect(() => exportStock(db, { ...clerk.actor, sites: [] })).toThrow(expect.objectContaining({ code: "forbidden" }));
  });

  it("round-trips: an export re-imports as a dry run, except serials that are already in stock", async () => {
    const w = await buildWarehouse(db);
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.lotted.sku,
      to: w.bins.a1.code,
      quantity: 4,
      lot: "RT-1",
      expiresAt: "2030-05-31",
      reason: "received",
    });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.serialised.sku,
      to: w.bins.a2.code,
      quantity: 1,
      serials: ["RT-SN"],
      reason: "received",
    });
    const manager = await buildUser(db, "manager");
    const { text } = await exported(exportStock(db, manager.actor));
    const ours = text
      .split("\n")
      .filter((line, i) => i === 0 || line.startsWith(w.site.code))
      .join("\n");

    const report = await importOpeningStock(db, manager.actor, ours, { mode: "dry-run" });
    expect(report).toMatchObject({ rows: 2, valid: 1, imported: 0 });
    expect(report.invalid).toEqual([
      {
        line: expect.any(Number),
        sku: w.items.serialised.sku,
        errors: [{ field: "serials", message: `RT-SN is already in stock at ${w.bins.a2.code}` }],
      },
    ]);
  });
});
