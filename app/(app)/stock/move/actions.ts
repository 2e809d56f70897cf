"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { postMovement } from "@/lib/ledger/post-movement";
import { reverseMovement } from "@/lib/ledger/reverse-movement";
import type { MovementInput, PostedMovement } from "@/lib/ledger/schemas";

function text(form: FormData, name: string) {
  const value = String(form.get(name) ?? "").trim();
  return value === "" ? undefined : value;
}

/** The form's fields as the ledger's input; the ledger's own schema judges them. */
function movementFromForm(form: FormData): MovementInput {
  const serials = text(form, "serials")?.split(/[\s,]+/).filter(Boolean);
  const quantity = text(form, "quantity");
  return {
    kind: text(form, "kind") as MovementInput["kind"],
    sku: text(form, "sku") ?? "",
    quantity: quantity === undefined ? Number.NaN : Number(quantity),
    from: text(form, "from"),
    to: text(form, "to"),
    lot: text(form, "lot"),
    expiresAt: text(form, "expiresAt"),
    serials,
    reason: text(form, "reason") ?? "",
    reference: text(form, "reference"),
    note: text(form, "note"),
    overrideConditions: text(form, "overrideConditions"),
  };
}

function summary(posted: PostedMovement): FormState["data"] {
  return { movements: posted.movements, levels: posted.levels, undoId: posted.movements.length === 1 ? posted.movements[0].id : null };
}

export async function postMovementAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const posted = await postMovement(getDb(), actor, movementFromForm(form));
    revalidatePath("/items", "layout");
    const message = posted.movement ? `Posted: ${posted.movements.map((m) => `${m.quantity} ${m.sku}${m.lot ? ` lot ${m.lot}` : ""} ${m.from} → ${m.to}`).join("; ")}` : "The count matches: nothing to correct.";
    return { ok: true, message, data: summary(posted), values: submittedValues(form) };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function undoMovementAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const reversed = await reverseMovement(getDb(), actor, String(form.get("movementId") ?? ""));
    revalidatePath("/items", "layout");
    return { ok: true, message: "Undone: the opposite movement was posted.", data: summary(reversed) };
  } catch (error) {
    return toFormState(error);
  }
}
