import { describe, expect, it } from "vitest";
import { buildUser } from "../../tests/factories/access";
import { createReasonCode } from "../reasons/manage-reason-codes";
import { getDb } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { FORM_TOKEN_FIELD } from "./form-state";
import { inFormUnit } from "./form-write";

const db = getDb();

function formOf(fields: Record<string, string>) {
  const form = new FormData();
  form.set("$ACTION_ID_abc", ""); // Next's own fields are not part of what the form says
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

describe("a form's write keyed by its token", () => {
  it("acts once for a double submit, at the same moment or later, and answers both", async () => {
    const { actor } = await buildUser(db, "admin");
    const code = `DBL${Date.now().toString(36).toUpperCase()}`;
    const form = formOf({ [FORM_TOKEN_FIELD]: `token-${code}`, code, label: "Double tap" });
    const submit = () => inFormUnit(actor, "createReasonCode", form, (tx) => createReasonCode(tx, actor, { code, label: "Double tap" }));
    const [a, b] = await Promise.all([submit(), submit()]);
    const later = await submit();
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const first = [a, b].find((result) => !result.replayed)!;
    expect(later).toEqual({ replayed: true, value: first.value });
    expect(await db.auditEntry.count({ where: { action: "reasonCode.create", entityId: (first.value as { code: string }).code } })).toBe(1);
  });

  it("is a new write for a new token, and refuses a token sent with other fields", async () => {
    const { actor } = await buildUser(db, "admin");
    const code = `TOK${Date.now().toString(36).toUpperCase()}`;
    await inFormUnit(actor, "createReasonCode", formOf({ [FORM_TOKEN_FIELD]: "t1", code, label: "One" }), (tx) =>
      createReasonCode(tx, actor, { code, label: "One" }),
    );
    const reused = inFormUnit(actor, "createReasonCode", formOf({ [FORM_TOKEN_FIELD]: "t1", code: `${code}X`, label: "Two" }), (tx) =>
      createReasonCode(tx, actor, { code: `${code}X`, label: "Two" }),
    );
    await expect(reused).rejects.toBeInstanceOf(ValidationFailed);
  });

  it("refuses a NUL character in any field, naming it, before anything runs", async () => {
    const { actor } = await buildUser(db, "admin");
    let ran = false;
    const write = inFormUnit(actor, "createReasonCode", formOf({ [FORM_TOKEN_FIELD]: "t-nul", code: "A", label: "bad\u0000" }), async () => {
      ran = true;
    });
    await expect(write).rejects.toMatchObject({ issues: [{ field: "label" }] });
    expect(ran).toBe(false);
  });
});
