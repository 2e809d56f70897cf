import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { buildWarehouse } from "../../tests/factories/stock";
import { SYSTEM_ACTOR } from "../auth/actor";
import { getDb } from "../db/client";
import { postMovement } from "../ledger/post-movement";
import { createReasonCode, listReasonCodes, setReasonCodeActive } from "./manage-reason-codes";

const db = getDb();

describe("reason codes", () => {
  it("lets an admin add a code that movements can name at once", async () => {
    const w = await buildWarehouse(db);
    const admin = await buildUser(db, "admin");
    await expect(
      postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 1, to: w.bins.a1.code, reason: "quality_hold" }),
    ).rejects.toMatchObject({ issues: [{ field: "reason" }] });
    await createReasonCode(db, admin.actor, { code: "Quality_Hold", label: "Quality hold" });
    const posted = await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: w.items.plain.sku,
      quantity: 1,
      to: w.bins.a1.code,
      reason: "quality_hold",
    });
    expect(posted.movement?.reason).toBe("quality_hold");
    expect(await db.auditEntry.count({ where: { action: "reasonCode.create", entityId: "quality_hold" } })).toBe(1);
    await expect(createReasonCode(db, admin.actor, { code: "quality_hold", label: "Again" })).rejects.toMatchObject({ code: "reason_code_taken" });
  });

  it("retires added codes but keeps the built-in ones, and only admins manage them", async () => {
    const admin = await buildUser(db, "admin");
    const manager = await buildUser(db, "manager");
    await buildWarehouse(db);
    await createReasonCode(db, admin.actor, { code: "promo", label: "Promotion" });
    await expect(setReasonCodeActive(db, admin.actor, "promo", false)).resolves.toMatchObject({ active: false });
    await expect(setReasonCodeActive(db, admin.actor, "sold", false)).rejects.toMatchObject({ code: "built_in_reason_code" });
    await expect(createReasonCode(db, manager.actor, { code: "mine", label: "Mine" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setReasonCodeActive(db, manager.actor, "promo", true)).rejects.toMatchObject({ code: "forbidden" });
    const listed = await listReasonCodes(db, manager.actor);
    expect(listed.find((r) => r.code === "promo")).toMatchObject({ active: false });
    await expect(createReasonCode(db, admin.actor, { code: "x", label: "Too short" })).rejects.toMatchObject({
      name: "ZodError",
      issues: [{ path: ["code"] }],
    });
  });
});
