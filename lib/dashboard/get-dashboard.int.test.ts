import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { getDashboard } from "./get-dashboard";

const db = getDb();

describe("getDashboard", () => {
  it("counts today's movements and units per day, only at the actor's sites", async () => {
    const [mine, theirs] = [await buildWarehouse(db), await buildWarehouse(db)];
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: mine.items.plain.sku, quantity: 7, to: mine.bins.a1.code, reason: "received" });
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "move",
      sku: mine.items.plain.sku,
      quantity: 2,
      from: mine.bins.a1.code,
      to: mine.bins.a2.code,
      reason: "putaway",
    });
    await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: theirs.items.plain.sku, quantity: 50, to: theirs.bins.a1.code, reason: "received" });
    const clerk = await buildUser(db, "clerk", { sites: [mine.site.code] });

    const dashboard = await getDashboard(db, clerk.actor);
    expect(dashboard.activity).toHaveLength(14);
    expect(dashboard.activity.at(-1)).toMatchObject({ movements: 2, units: 9 });
    expect(dashboard.activity.slice(0, -1).every((d) => d.movements === 0)).toBe(true);
    expect(dashboard.stockUnits).toBe(7);
    expect(dashboard.recentMovements.map((m) => m.quantity)).toEqual([2, 7]);

    const everywhere = await getDashboard(db, SYSTEM_ACTOR);
    expect(everywhere.activity.at(-1)?.movements).toBeGreaterThanOrEqual(3);
  });
});
