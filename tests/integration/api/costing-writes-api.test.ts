// PATCH /api/v1/categories/{path} and PATCH /api/v1/settings as writes: each change is audited and announced
// (category.updated, settings.updated) in its own transaction, a retried Idempotency-Key acts once and answers the
// first answer, the same key with another body is refused, and a role that may not is refused with nothing changed.
import { describe, expect, it } from "vitest";
import * as categoryRoute from "../../../app/api/v1/categories/[path]/route";
import * as settingsRoute from "../../../app/api/v1/settings/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { addCategory, updateCategoryCosting } from "../../../lib/catalog/manage-categories";
import { getDb } from "../../../lib/db/client";
import { unitOfWork } from "../../../lib/db/unit-of-work";
import { EVENT_CATALOGUE } from "../../../lib/events/catalogue";
import { postMovement } from "../../../lib/ledger/post-movement";
import { updateInstallationSettings } from "../../../lib/settings/installation-settings";
import { buildApiKey, buildSite, buildUser } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";
import { callRoute } from "./call-route";

const db = getDb();

/** A new average-cost category whose one item has stock (so a new method revalues it). */
async function stockedCategory() {
  const warehouse = await buildWarehouse(db);
  const path = `Belts > ${warehouse.site.code}`;
  await addCategory(db, SYSTEM_ACTOR, { path, costingMethod: "average" });
  const category = await db.category.findUniqueOrThrow({ where: { path } });
  await db.item.update({ where: { id: warehouse.items.plain.id }, data: { categoryId: category.id } });
  await postMovement(db, SYSTEM_ACTOR, {
    kind: "receive",
    sku: warehouse.items.plain.sku,
    quantity: 4,
    to: warehouse.bins.a1.code,
    unitCost: "2.00",
    reason: "received",
  });
  return { path, category, item: warehouse.items.plain };
}

const patchCategory = (path: string, key: string, body: unknown, idempotencyKey?: string) => {
  const encoded = encodeURIComponent(path);
  return callRoute(categoryRoute.PATCH, {
    method: "PATCH",
    path: `/api/v1/categories/${encoded}`,
    key,
    body,
    params: { path: encoded },
    headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
  });
};

const patchSettings = (key: string, body: unknown, idempotencyKey?: string) =>
  callRoute(settingsRoute.PATCH, {
    method: "PATCH",
    path: "/api/v1/settings",
    key,
    body,
    headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
  });

/** The id of the transaction that last wrote a row: rows written by one transaction share it. */
async function writerOf(table: "OutboxEvent" | "AuditEntry" | "Category" | "InstallationSettings", id: bigint | string | number) {
  const [row] = await db.$queryRawUnsafe<{ xmin: string }[]>(`SELECT xmin::text AS xmin FROM "${table}" WHERE id::text = $1`, String(id));
  return row.xmin;
}

const eventsOf = (type: string, aggregateId: string) => db.outboxEvent.findMany({ where: { type, aggregateId }, orderBy: { id: "asc" } });

describe("PATCH /api/v1/categories/{path}", () => {
  it("writes category.updated with the change, valid against the catalogue, in the transaction of the change", async () => {
    const { path, category, item } = await stockedCategory();
    const manager = await buildApiKey(db, "manager");
    const answer = await patchCategory(path, manager.key, { costingMethod: "fifo" }, "belts-to-fifo");
    expect(answer).toMatchObject({ status: 200, json: { path, costingMethod: "fifo" } });

    const [event] = await eventsOf("category.updated", category.id);
    const data = {
      path,
      name: category.name,
      costingMethod: "fifo",
      previousCostingMethod: "average",
      costingFrom: null,
      itemsRevalued: 1,
    };
    expect(event.payload).toEqual(data);
    expect(EVENT_CATALOGUE["category.updated"].data.parse(event.payload)).toEqual(data);
    expect(await db.costRevaluation.count({ where: { itemId: item.id } })).toBe(1);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "category.update", entityId: category.id } });
    // Same transaction: the event's row, the audit entry and the category's new method were written by one.
    expect(await writerOf("OutboxEvent", event.id)).toBe(await writerOf("AuditEntry", audit.id));
    expect(await writerOf("OutboxEvent", event.id)).toBe(await writerOf("Category", category.id));

    // A failure later in the caller's transaction takes the event back with the change.
    await expect(
      unitOfWork(db, async (tx) => {
        await updateCategoryCosting(tx as never, SYSTEM_ACTOR, path, { costingMethod: "standard" });
        throw new Error("the caller fails after the change");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await eventsOf("category.updated", category.id)).toHaveLength(1);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).costingMethod).toBe("fifo");

    // The method it already has changes nothing and announces nothing.
    expect((await patchCategory(path, manager.key, { costingMethod: "fifo" })).status).toBe(200);
    expect(await eventsOf("category.updated", category.id)).toHaveLength(1);
  });

  it("acts once for a retried Idempotency-Key and answers the first answer; another body with that key is refused", async () => {
    const { path, category, item } = await stockedCategory();
    const manager = await buildApiKey(db, "manager");
    const first = await patchCategory(path, manager.key, { costingMethod: null }, "belts-once");
    expect(first).toMatchObject({ status: 200, json: { path, costingMethod: null } });
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    // Meanwhile the category changes again, by another request: the retry still answers what the first one did.
    await patchCategory(path, manager.key, { costingMethod: "average" });
    const retry = await patchCategory(path, manager.key, { costingMethod: null }, "belts-once");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).costingMethod).toBe("average");
    expect(await eventsOf("category.updated", category.id)).toHaveLength(2); // the first request's and the other's
    expect(await db.auditEntry.count({ where: { action: "category.update", entityId: category.id } })).toBe(2);
    expect(await db.costRevaluation.count({ where: { itemId: item.id } })).toBe(2);

    const reused = await patchCategory(path, manager.key, { costingMethod: "standard" }, "belts-once");
    expect(reused.status).toBe(422);
    expect(reused.json.errors).toEqual([expect.objectContaining({ field: "Idempotency-Key" })]);
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).costingMethod).toBe("average");
    expect(await eventsOf("category.updated", category.id)).toHaveLength(2);
  });

  it("refuses a viewer and a clerk (403) and changes, audits and announces nothing", async () => {
    const { path, category, item } = await stockedCategory();
    const site = await buildSite(db);
    const [viewer, clerk] = await Promise.all([buildApiKey(db, "viewer"), buildApiKey(db, "clerk", [site.code])]);
    for (const refused of [viewer, clerk]) {
      const answer = await patchCategory(path, refused.key, { costingMethod: "fifo" }, `refused-${refused.key.slice(-6)}`);
      expect(answer).toMatchObject({ status: 403, contentType: "application/problem+json" });
    }
    expect((await db.category.findUniqueOrThrow({ where: { id: category.id } })).costingMethod).toBe("average");
    expect(await eventsOf("category.updated", category.id)).toHaveLength(0);
    expect(await db.auditEntry.count({ where: { action: "category.update", entityId: category.id } })).toBe(0);
    expect(await db.costRevaluation.count({ where: { itemId: item.id } })).toBe(0);
  });
});

describe("PATCH /api/v1/settings", () => {
  const settingsEvents = () => eventsOf("settings.updated", "installation");

  it("writes settings.updated naming what changed, with no admin-only values, in the transaction of the change", async () => {
    const admin = await buildApiKey(db, "admin");
    const before = await settingsEvents();
    const answer = await patchSettings(admin.key, { currency: "nok", purchaseApprovalLimit: "2500", allowPrivateUrls: false }, "nok");
    expect(answer).toMatchObject({ status: 200, json: { currency: "NOK", purchaseApprovalLimit: "2500.0000" } });

    const events = await settingsEvents();
    expect(events).toHaveLength(before.length + 1);
    const event = events.at(-1)!;
    // allowPrivateUrls was false already: not named. The limit is named, but its value is for admins only.
    const data = {
      costingMethod: answer.json.costingMethod,
      currency: "NOK",
      updatedAt: answer.json.updatedAt,
      changed: ["purchaseApprovalLimit", "currency"],
      costingFrom: null,
    };
    expect(event.payload).toEqual(data);
    expect(EVENT_CATALOGUE["settings.updated"].data.parse(event.payload)).toEqual(data);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "settings.update" }, orderBy: { id: "desc" } });
    expect(await writerOf("OutboxEvent", event.id)).toBe(await writerOf("AuditEntry", audit.id));
    expect(await writerOf("OutboxEvent", event.id)).toBe(await writerOf("InstallationSettings", 1));

    const admins = await buildUser(db, "admin");
    await expect(
      unitOfWork(db, async (tx) => {
        await updateInstallationSettings(tx as never, admins.actor, { currency: "DKK" });
        throw new Error("the caller fails after the change");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await settingsEvents()).toHaveLength(before.length + 1);
    expect((await db.installationSettings.findFirstOrThrow()).currency).toBe("NOK");

    // Sending what is set already announces nothing.
    expect((await patchSettings(admin.key, { currency: "NOK" })).status).toBe(200);
    expect(await settingsEvents()).toHaveLength(before.length + 1);
  });

  it("acts once for a retried Idempotency-Key and answers the first answer; another body with that key is refused", async () => {
    const admin = await buildApiKey(db, "admin");
    const current = (await db.installationSettings.findFirstOrThrow()).costingMethod;
    const method = current === "average" ? "fifo" : "average";
    const before = (await settingsEvents()).length;
    const first = await patchSettings(admin.key, { costingMethod: method }, "method-once");
    expect(first).toMatchObject({ status: 200, json: { costingMethod: method } });

    await patchSettings(admin.key, { costingMethod: current }); // someone changes it back meanwhile
    const retry = await patchSettings(admin.key, { costingMethod: method }, "method-once");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect((await db.installationSettings.findFirstOrThrow()).costingMethod).toBe(current);
    const events = await settingsEvents();
    expect(events).toHaveLength(before + 2);
    expect(events.map((e) => (e.payload as { changed: string[] }).changed)).toContainEqual(["costingMethod"]);

    const reused = await patchSettings(admin.key, { costingMethod: "standard" }, "method-once");
    expect(reused.status).toBe(422);
    expect(reused.json.errors).toEqual([expect.objectContaining({ field: "Idempotency-Key" })]);
    expect((await db.installationSettings.findFirstOrThrow()).costingMethod).toBe(current);
    expect(await settingsEvents()).toHaveLength(before + 2);
  });

  it("refuses a manager, a clerk and a viewer (403) and changes, audits and announces nothing", async () => {
    const site = await buildSite(db);
    const keys = await Promise.all([buildApiKey(db, "manager"), buildApiKey(db, "clerk", [site.code]), buildApiKey(db, "viewer")]);
    const settings = await db.installationSettings.findFirstOrThrow();
    const events = (await settingsEvents()).length;
    const audits = await db.auditEntry.count({ where: { action: "settings.update" } });
    for (const refused of keys) {
      const answer = await patchSettings(refused.key, { currency: "JPY", costingMethod: "standard" }, "not-mine");
      expect(answer).toMatchObject({ status: 403, contentType: "application/problem+json" });
    }
    expect(await db.installationSettings.findFirstOrThrow()).toEqual(settings);
    expect(await settingsEvents()).toHaveLength(events);
    expect(await db.auditEntry.count({ where: { action: "settings.update" } })).toBe(audits);
  });
});
