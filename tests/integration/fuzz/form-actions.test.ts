// Every server action that writes, sent random and hostile forms as a signed-in admin: it answers a form state
// (or redirects after success) and never throws, which the page would show as a server error; a refusal writes
// nothing. The session is the only thing stood in for: Next's request scope does not exist in a test.
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import * as apiKeyActions from "../../../app/(app)/admin/api-keys/actions";
import * as reasonCodeActions from "../../../app/(app)/admin/reason-codes/actions";
import * as userActions from "../../../app/(app)/admin/users/actions";
import * as categoryActions from "../../../app/(app)/categories/actions";
import * as itemActions from "../../../app/(app)/items/item-actions";
import * as itemPageActions from "../../../app/(app)/items/[sku]/actions";
import * as locationActions from "../../../app/(app)/locations/actions";
import * as orderPageActions from "../../../app/(app)/orders/[id]/actions";
import * as packActions from "../../../app/(app)/orders/[id]/pack/actions";
import * as purchaseOrderActions from "../../../app/(app)/purchase-orders/actions";
import * as orderActions from "../../../app/(app)/orders/actions";
import * as reorderPointActions from "../../../app/(app)/reorder-points/actions";
import * as moveActions from "../../../app/(app)/stock/move/actions";
import * as supplierActions from "../../../app/(app)/suppliers/actions";
import * as transferActions from "../../../app/(app)/transfers/actions";
import type { Actor } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { FORM_TOKEN_FIELD, initialFormState, type FormState } from "../../../lib/http/form-state";
import { buildUser } from "../../factories/access";
import { buildTwoSites } from "../../factories/transfers";
import { databaseFingerprint } from "../../fuzz/database-fingerprint";

const signedIn: { actor: Actor | null } = { actor: null };
vi.mock("../../../lib/auth/session", () => ({
  requireSessionActor: async () => signedIn.actor,
  getSessionActor: async () => signedIn.actor,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = getDb();
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const FIELDS = [
  "sku",
  "name",
  "code",
  "quantity",
  "from",
  "to",
  "lot",
  "expiresAt",
  "serials",
  "kind",
  "reason",
  "reference",
  "note",
  "id",
  "step",
  "role",
  "email",
  "password",
  "sites",
  "path",
  "label",
  "active",
  "intent",
  "type",
  "parent",
  "tempMinC",
  "tempMaxC",
  "unit",
  "tracking",
  "category",
  "barcodes",
  "supplier",
  "unitCost",
  "reorderPoint",
  "site",
  "min",
  "max",
  "reorderQuantity",
  "safetyStock",
  "skuPrefix",
  "movementId",
  "phone",
  "close",
  "line.0.sku",
  "line.0.quantity",
  "line.0.to",
  "line.0.damaged",
  "line.0.condition",
  "carrier",
  "trackingNumber",
  "overrideConditions",
  "package",
  "weightGrams",
  "lengthMm",
  "widthMm",
  "heightMm",
];

type Action = (previous: FormState, form: FormData) => Promise<FormState>;
const ACTIONS: [string, Action][] = Object.entries({
  ...userActions,
  ...apiKeyActions,
  ...reasonCodeActions,
  ...categoryActions,
  ...itemActions,
  ...itemPageActions,
  ...locationActions,
  ...moveActions,
  ...reorderPointActions,
  ...orderActions,
  ...orderPageActions,
  ...packActions,
  ...purchaseOrderActions,
  ...supplierActions,
  ...transferActions,
}).filter(([, value]) => typeof value === "function") as [string, Action][];

const isRedirect = (error: unknown) => String((error as { digest?: unknown })?.digest ?? "").startsWith("NEXT_REDIRECT");

describe("every server action, fuzzed", async () => {
  const { source, destination, items } = await buildTwoSites(db);
  signedIn.actor = (await buildUser(db, "admin")).actor;
  const known = [
    ...Object.values(items).map((item) => item.sku),
    source.bins.a1.code,
    source.bins.a2.code,
    destination.bins.a1.code,
    source.site.code,
    destination.site.code,
    "LATE",
    "S1",
    "received",
    "sold",
    "receive",
    "issue",
    "move",
    "count",
    "approve",
    "ship",
    "viewer",
    "clerk",
    "bin",
    "zone",
    "5",
    "-1",
    "0",
    "2.5",
    "on",
    "true",
    "deactivate",
  ];
  const value = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom("\u0000", "a\u0000", "", "x".repeat(5_000), "1e309", "NaN", "constructor", "__proto__") },
  );
  const forms = fc.tuple(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 10 }), fc.uuid()).map(([fields, token]) => {
    const form = new FormData();
    for (const [name, text] of Object.entries(fields)) form.append(name, text);
    form.set(FORM_TOKEN_FIELD, token);
    return form;
  });

  it("covers every exported action", () => expect(ACTIONS.map(([name]) => name)).toContain("postMovementAction"));

  it.each(ACTIONS.filter(([name]) => name !== "importCsvAction"))("%s answers a form state and refuses without writing", async (_name, action) => {
    await fc.assert(
      fc.asyncProperty(forms, async (form) => {
        const before = await databaseFingerprint(db);
        let state: FormState;
        try {
          state = await action(initialFormState, form);
        } catch (error) {
          if (isRedirect(error)) return; // success, then on to the new page
          throw error;
        }
        expect(typeof state.ok).toBe("boolean");
        if (!state.ok) expect(await databaseFingerprint(db)).toEqual(before);
      }),
      { numRuns: RUNS },
    );
  });
});
