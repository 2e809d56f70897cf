"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formKeyOf, inFormUnit } from "@/lib/http/form-write";
import { formNumber, formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { ValidationFailed } from "@/lib/domain-error";
import { PackRefused } from "@/lib/orders/errors";
import { getOrder } from "@/lib/orders/list-orders";
import { addToPackage, closePackage, openPackage } from "@/lib/orders/pack-order";
import type { ClosePackageInput, PackingAnswer } from "@/lib/orders/schemas";

const MEASURES = ["weightGrams", "lengthMm", "widthMm", "heightMm"] as const;

// The pack station's writes: the session's actor, the same lib functions as the API (which check role, the
// order's site and its status under the order's lock), the same error mapping. Each scan carries its own token,
// the idempotency key of that scan: a scan resent after a lost answer packs its unit once.

/**
 * One scanned unit into the order's open package; when none is open, a new package is opened first, in the same
 * transaction, so a refused first scan leaves no empty package behind (an empty open package would keep the order
 * from becoming `packed`). A refusal answers its code (`wrong_item`, `too_many`, `unknown_code`) for the buzz.
 */
export async function packScanAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  let packed: { value: PackingAnswer; replayed: boolean };
  try {
    const actor = await requireSessionActor();
    const code = formText(form, "code") ?? "";
    packed = await inFormUnit(actor, "order.package.scan", form, async (db) => {
      const order = await getOrder(db, actor, id);
      const open = order.packages.findLast((p) => p.closedAt === null);
      const number = open?.number ?? (await openPackage(db, actor, id)).package.number;
      return addToPackage(db, actor, id, number, { code });
    });
  } catch (error) {
    const refusal = error instanceof PackRefused ? error.code : undefined;
    const state = toFormState(error);
    // The reason in one line: the field's message is the whole story for a scan.
    const reason = Object.values(state.fieldErrors ?? {})[0] ?? state.message;
    return { ok: false, message: reason, data: refusal ? { refusal } : undefined };
  }
  revalidatePath(`/orders/${id}`);
  const { order, package: pkg } = packed.value;
  return { ok: true, message: `Into package ${pkg.number}`, data: { order, package: pkg.number } };
}

/** Closes a package with its weight (g) and dimensions (mm); errors beside each field. */
export async function closePackageAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  let answer: PackingAnswer;
  try {
    const actor = await requireSessionActor();
    // Empty fields as NaN: the lib's own schema judges them, as it judges the API's body.
    const input = Object.fromEntries(MEASURES.map((name) => [name, formNumber(form, name) ?? Number.NaN])) as ClosePackageInput;
    const number = formNumber(form, "package");
    if (number === undefined || !Number.isInteger(number) || number < 1)
      throw new ValidationFailed([{ field: "package", message: "No package is open: scan a unit to start one" }]);
    answer = await closePackage(getDb(), actor, id, number, input, { idempotency: formKeyOf(actor, "order.package.close", form) });
  } catch (error) {
    const state = toFormState(error);
    // zod's "expected number, received NaN" in the clerk's words.
    const fieldErrors = Object.fromEntries(
      Object.entries(state.fieldErrors ?? {}).map(([field, message]) => [field, /expected number/.test(message) ? "Enter a whole number" : message]),
    );
    return { ...state, fieldErrors, values: submittedValues(form) };
  }
  revalidatePath(`/orders/${id}`);
  revalidatePath("/orders");
  const isPacked = answer.order.status === "packed";
  return {
    ok: true,
    message: isPacked ? "Closed: every unit is packed." : `Package ${answer.package.number} closed.`,
    data: { order: answer.order },
  };
}
