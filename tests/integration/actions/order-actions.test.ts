// The order page's actions: errors come back beside the field the person filled (a return's row, not the
// index of the line the API saw), and a cancel answers what must be put back. Only the session is stood in for.
import { describe, expect, it, vi } from "vitest";
import { cancelOrderAction, returnOrderAction, shipOrderAction } from "../../../app/(app)/orders/actions";
import type { Actor } from "../../../lib/auth/actor";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { FORM_TOKEN_FIELD, initialFormState } from "../../../lib/http/form-state";
import { postMovement } from "../../../lib/ledger/post-movement";
import { createOrder } from "../../../lib/orders/create-order";
import { getOrder } from "../../../lib/orders/list-orders";
import { buildUser } from "../../factories/access";
import { buildWarehouse } from "../../factories/stock";

const signedIn: { actor: Actor | null } = { actor: null };
vi.mock("../../../lib/auth/session", () => ({ requireSessionActor: async () => signedIn.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = getDb();
let sequence = 0;

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(FORM_TOKEN_FIELD, crypto.randomUUID());
  return form;
}

async function orderOfTwoLines() {
  const w = await buildWarehouse(db);
  for (const sku of [w.items.plain.sku, w.items.solvent.sku])
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku,
      quantity: 5,
      to: sku === w.items.solvent.sku ? w.bins.cage.code : w.bins.a1.code,
      reason: "received",
    });
  const order = await createOrder(db, SYSTEM_ACTOR, {
    reference: `ACT-${sequence++}`,
    customer: { name: "Ada" },
    lines: [
      { sku: w.items.plain.sku, quantity: 2 },
      { sku: w.items.solvent.sku, quantity: 1 },
    ],
    site: w.site.code,
  });
  signedIn.actor = (await buildUser(db, "manager")).actor;
  return { w, order };
}

describe("order actions", () => {
  it("names a missing carrier beside its field, then ships", async () => {
    const { order } = await orderOfTwoLines();
    const refused = await shipOrderAction(initialFormState, formOf({ id: order.id, carrier: "", trackingNumber: "T1" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { carrier: "Name the carrier" }, values: { trackingNumber: "T1" } });
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).status).toBe("allocated");

    const shipped = await shipOrderAction(initialFormState, formOf({ id: order.id, carrier: "DHL", trackingNumber: "T1" }));
    expect(shipped.ok).toBe(true);
    expect(await getOrder(db, SYSTEM_ACTOR, order.id)).toMatchObject({ status: "shipped", carrier: "DHL" });
  });

  it("shows a return's error on the row the person filled, and records a good return", async () => {
    const { w, order } = await orderOfTwoLines();
    await shipOrderAction(initialFormState, formOf({ id: order.id, carrier: "DHL", trackingNumber: "T2" }));
    // Row 0 left empty; row 1 asks for more than was shipped: the API sees it as lines.0, the form shows it on row 1.
    const refused = await returnOrderAction(
      initialFormState,
      formOf({
        id: order.id,
        "line.0.sku": w.items.plain.sku,
        "line.1.sku": w.items.solvent.sku,
        "line.1.quantity": "3",
        "line.1.condition": "damaged",
      }),
    );
    expect(refused.ok).toBe(false);
    expect(Object.keys(refused.fieldErrors ?? {}).some((field) => field.startsWith("line.1."))).toBe(true);
    expect(Object.keys(refused.fieldErrors ?? {}).some((field) => field.startsWith("lines.") || field.startsWith("line.0."))).toBe(false);

    const recorded = await returnOrderAction(
      initialFormState,
      formOf({ id: order.id, "line.0.sku": w.items.plain.sku, "line.0.quantity": "1", "line.0.condition": "restock" }),
    );
    expect(recorded).toMatchObject({ ok: true });
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).lines.find((l) => l.sku === w.items.plain.sku)?.returned).toBe(1);
  });

  it("cancels and answers what must be put back (nothing, before a pick)", async () => {
    const { order } = await orderOfTwoLines();
    const cancelled = await cancelOrderAction(initialFormState, formOf({ id: order.id }));
    expect(cancelled).toMatchObject({ ok: true, data: { putBack: [] } });
    expect((await getOrder(db, SYSTEM_ACTOR, order.id)).status).toBe("cancelled");
    const again = await cancelOrderAction(initialFormState, formOf({ id: order.id }));
    expect(again.ok).toBe(false);
  });
});
