"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formKeyOf } from "@/lib/http/form-write";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { postMovement } from "@/lib/ledger/post-movement";
import { reverseMovement } from "@/lib/ledger/reverse-movement";
import type { MovementInput, PostedMovement } from "@/lib/ledger/schemas";

/** The form's fields as the ledger's input; the ledger's own schema judges them. */
function movementFromForm(form: FormData): MovementInput {
  const serials = formText(form, "serials")
    ?.split(/[\s,]+/)
    .filter(Boolean);
  return {
    kind: formText(form, "kind") as MovementInput["kind"],
    sku: formText(form, "sku") ?? "",
    quantity: formNumber(form, "quantity") ?? Number.NaN,
    from: formText(form, "from"),
    to: formText(form, "to"),
    lot: formText(form, "lot"),
    expiresAt: formText(form, "expiresAt"),
    serials,
    reason: formText(form, "reason") ?? "",
    reference: formText(form, "reference"),
    note: formText(form, "note"),
    overrideConditions: formText(form, "overrideConditions"),
  };
}

function summary(posted: PostedMovement): FormState["data"] {
  return { movements: posted.movements, levels: posted.levels, undoId: posted.movements.length === 1 ? posted.movements[0].id : null };
}

export async function postMovementAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const posted = await postMovement(getDb(), actor, movementFromForm(form), { idempotency: formKeyOf(actor, "postMovement", form) });
    revalidatePath("/items", "layout");
    const message = posted.movement
      ? `Posted: ${posted.movements.map((m) => `${m.quantity} ${m.sku}${m.lot ? ` lot ${m.lot}` : ""} ${m.from} → ${m.to}`).join("; ")}`
      : "The count matches: nothing to correct.";
    return { ok: true, message, data: summary(posted), values: submittedValues(form) };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}

export async function undoMovementAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const actor = await requireSessionActor();
    const reversed = await reverseMovement(
      getDb(),
      actor,
      String(form.get("movementId") ?? ""),
      {},
      { idempotency: formKeyOf(actor, "reverseMovement", form) },
    );
    revalidatePath("/items", "layout");
    return { ok: true, message: "Undone: the opposite movement was posted.", data: summary(reversed) };
  } catch (error) {
    return toFormState(error);
  }
}
