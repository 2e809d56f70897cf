// The pack station's actions and the order page's "Open pick list": the same lib functions as the API, so role,
// site and the order's status are checked server-side whoever calls them; a refused scan answers its code and
// leaves no package behind; a resent scan packs once. Only the session is stood in for.
import { describe, expect, it, vi } from "vitest";
import { openPickListAction } from "../../../app/(app)/orders/[id]/actions";
import { closePackageAction, packScanAction } from "../../../app/(app)/orders/[id]/pack/actions";
import type { Actor } from "../../../lib/auth/actor";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { FORM_TOKEN_FIELD, initialFormState } from "../../../lib/http/form-state";
import { postMovement } from "../../../lib/ledger/post-movement";
import { createOrder } from "../../../lib/orders/create-order";
import { getOrder } from "../../../lib/orders/list-orders";
import { confirmPick } from "../../../lib/picking/confirm-pick";
import { getPickList } from "../../../lib/picking/get-pick-list";
import { buildSite, buildUser } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";

const signedIn: { actor: Actor | null } = { actor: null };
vi.mock("../../../lib/auth/session", () => ({ requireSessionActor: async () => signedIn.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = getDb();
let sequence = 0;

function formOf(fields: Record<string, string>, token: string = crypto.randomUUID()) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(FORM_TOKEN_FIELD, token);
  return form;
}

/** An allocated order for 2 plain units at a fresh site, and a clerk of that site signed in. */
async function allocatedOrder() {
  const w = await buildWarehouse(db);
  await postMovement(db, SYSTEM_ACTOR, { kind: "receive", sku: w.items.plain.sku, quantity: 5, to: w.bins.a1.code, reason: "received" });
  const order = await createOrder(db, SYSTEM_ACTOR, {
    reference: `PACK-${sequence++}`,
    customer: { name: "Ada" },
    lines: [{ sku: w.items.plain.sku, quantity: 2 }],
    site: w.site.code,
  });
  signedIn.actor = (await buildUser(db, "clerk", { sites: [w.site.code] })).actor;
  return { w, order };
}

/** Opens the list through the action, as the order page does, and picks it whole. */
async function pickedOrder() {
  const setup = await allocatedOrder();
  const opened = await openPickListAction(initialFormState, formOf({ id: setup.order.id }));
  expect(opened.ok).toBe(true);
  const list = await getPickList(db, SYSTEM_ACTOR, opened.data!.pickListId as string);
  for (const line of list.lines)
    await confirmPick(db, SYSTEM_ACTOR, list.id, { lineNo: line.lineNo, from: line.from, sku: line.sku, quantity: line.quantity });
  expect((await getOrder(db, SYSTEM_ACTOR, setup.order.id)).status).toBe("picked");
  return setup;
}

describe("pack station actions", () => {
  it("opens the order's pick list once for a double tap, and refuses a second list", async () => {
    const { order } = await allocatedOrder();
    const token = crypto.randomUUID();
    const first = await openPickListAction(initialFormState, formOf({ id: order.id }, token));
    const again = await openPickListAction(initialFormState, formOf({ id: order.id }, token));
    expect(first.ok && again.ok).toBe(true);
    expect(again.data!.pickListId).toBe(first.data!.pickListId);
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).status).toBe("picking");
    const second = await openPickListAction(initialFormState, formOf({ id: order.id }));
    expect(second).toMatchObject({ ok: false });
  });

  it("packs scanned units into a package it opens, refuses a wrong item and one too many with their codes", async () => {
    const { w, order } = await pickedOrder();
    // A wrong first scan is refused and opens nothing: an empty open package would block `packed`.
    const wrong = await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.solvent.sku }));
    expect(wrong).toMatchObject({ ok: false, data: { refusal: "wrong_item" } });
    expect(wrong.message).toContain(w.items.solvent.sku);
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).packages).toEqual([]);

    const token = crypto.randomUUID();
    const first = await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.plain.sku }, token));
    expect(first).toMatchObject({ ok: true, data: { package: 1 } });
    // The same scan resent (its answer lost on the way) packs nothing more.
    await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.plain.sku }, token));
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).lines[0].packed).toBe(1);

    await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.plain.sku }));
    const tooMany = await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.plain.sku }));
    expect(tooMany).toMatchObject({ ok: false, data: { refusal: "too_many" } });
    const unknown = await packScanAction(initialFormState, formOf({ id: order.id, code: "NO-SUCH-CODE-42" }));
    expect(unknown).toMatchObject({ ok: false, data: { refusal: "unknown_code" } });
    const packed = await getOrder(db, SYSTEM_ACTOR, order.id);
    expect(packed.packages).toMatchObject([{ number: 1, contents: [{ sku: w.items.plain.sku, quantity: 2 }], closedAt: null }]);
  });

  it("names each bad measure beside its field, then closes the package and the order is packed", async () => {
    const { w, order } = await pickedOrder();
    for (let i = 0; i < 2; i++) await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.plain.sku }));
    const refused = await closePackageAction(
      initialFormState,
      formOf({ id: order.id, package: "1", weightGrams: "", lengthMm: "0", widthMm: "2.5", heightMm: "100" }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { weightGrams: "Enter a whole number", lengthMm: "At least 1 mm", widthMm: "Whole millimetres" },
      values: { heightMm: "100" },
    });
    expect(refused.fieldErrors).not.toHaveProperty("heightMm");

    const closed = await closePackageAction(
      initialFormState,
      formOf({ id: order.id, package: "1", weightGrams: "900", lengthMm: "300", widthMm: "200", heightMm: "100" }),
    );
    expect(closed).toMatchObject({ ok: true, data: { order: { status: "packed" } } });
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).packages[0]).toMatchObject({ weightGrams: 900, heightMm: 100 });
  });

  it("refuses a clerk of another site and a viewer: nothing is packed", async () => {
    const { w, order } = await pickedOrder();
    const elsewhere = await buildSite(db);
    for (const someone of [await buildUser(db, "clerk", { sites: [elsewhere.code] }), await buildUser(db, "viewer", { sites: [w.site.code] })]) {
      signedIn.actor = someone.actor;
      const refused = await packScanAction(initialFormState, formOf({ id: order.id, code: w.items.plain.sku }));
      expect(refused.ok).toBe(false);
      expect((await openPickListAction(initialFormState, formOf({ id: order.id }))).ok).toBe(false);
    }
    const after = await getOrder(db, SYSTEM_ACTOR, order.id);
    expect(after.packages).toEqual([]);
    expect(after.lines[0].packed).toBe(0);
  });
});
