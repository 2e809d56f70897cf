// The Settings screen's valuation form: an admin sets the installation's costing method and currency through the
// same rule as PATCH /api/v1/settings (audited, announced); a bad currency comes back beside its field; anyone
// else is refused with nothing changed. Only the session is stood in for.
import { describe, expect, it, vi } from "vitest";
import { updateValuationSettingsAction } from "../../../app/(app)/admin/settings/actions";
import type { Actor } from "../../../lib/auth/actor";
import { getDb } from "../../../lib/db/client";
import { FORM_TOKEN_FIELD, initialFormState } from "../../../lib/http/form-state";
import { buildSite, buildUser } from "../../factories/access";

const signedIn: { actor: Actor | null } = { actor: null };
vi.mock("../../../lib/auth/session", () => ({ requireSessionActor: async () => signedIn.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const db = getDb();

function formOf(fields: Record<string, string>, token: string = crypto.randomUUID()) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set(FORM_TOKEN_FIELD, token);
  return form;
}

const settings = () => db.installationSettings.findFirstOrThrow();
const settingsEvents = () => db.outboxEvent.count({ where: { type: "settings.updated" } });

describe("the valuation settings form", () => {
  it("saves the method and currency for an admin, once for a double tap, announced as settings.updated", async () => {
    signedIn.actor = (await buildUser(db, "admin")).actor;
    const method = (await settings()).costingMethod === "average" ? "fifo" : "average";
    const events = await settingsEvents();
    const fields = { costingMethod: method, costingFrom: "", currency: "chf" };
    const token = crypto.randomUUID();
    const saved = await updateValuationSettingsAction(initialFormState, formOf(fields, token));
    expect(saved).toMatchObject({ ok: true, message: expect.stringContaining("CHF") });
    expect(await settings()).toMatchObject({ costingMethod: method, currency: "CHF" });
    const again = await updateValuationSettingsAction(initialFormState, formOf(fields, token)); // a double tap
    expect(again).toEqual(saved);
    expect(await settingsEvents()).toBe(events + 1);
    expect(await db.auditEntry.count({ where: { action: "settings.update", actorId: signedIn.actor.id } })).toBe(1);
  });

  it("answers a bad currency and a bad day beside their fields, keeping what was typed, and changes nothing", async () => {
    signedIn.actor = (await buildUser(db, "admin")).actor;
    const before = await settings();
    const refused = await updateValuationSettingsAction(
      initialFormState,
      formOf({ costingMethod: "standard", costingFrom: "31/12/2026", currency: "euro" }),
    );
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { currency: "A three-letter currency code like EUR", costingFrom: expect.any(String) },
      values: { currency: "euro", costingMethod: "standard" },
    });
    expect(await settings()).toEqual(before);
  });

  it("refuses a manager, a clerk and a viewer with nothing changed", async () => {
    const before = await settings();
    const events = await settingsEvents();
    const site = await buildSite(db);
    for (const role of ["manager", "clerk", "viewer"] as const) {
      signedIn.actor = (await buildUser(db, role, { sites: [site.code] })).actor;
      const refused = await updateValuationSettingsAction(initialFormState, formOf({ costingMethod: "standard", currency: "JPY" }));
      expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/permission|not allowed|may not/i) });
      expect(refused.fieldErrors).toBeUndefined();
    }
    expect(await settings()).toEqual(before);
    expect(await settingsEvents()).toBe(events);
  });
});
