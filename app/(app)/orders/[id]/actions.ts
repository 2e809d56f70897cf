"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formKeyOf } from "@/lib/http/form-write";
import { formText, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { openOrderPickList } from "@/lib/picking/open-order-pick-list";

/**
 * Opens the order's routed pick list (the same lib function as POST /api/v1/orders/{id}/pick-list, which checks
 * role, site and that the order is `allocated`) and answers its id, for the page to take the clerk to the scan
 * screen's pick task. The form's token is the idempotency key: a double tap opens one list.
 */
export async function openPickListAction(_previous: FormState, form: FormData): Promise<FormState> {
  const id = formText(form, "id") ?? "";
  let pickListId: string;
  try {
    const actor = await requireSessionActor();
    ({ id: pickListId } = await openOrderPickList(getDb(), actor, [id], { idempotency: formKeyOf(actor, "order.pickList", form) }));
  } catch (error) {
    return toFormState(error);
  }
  revalidatePath(`/orders/${id}`);
  revalidatePath("/orders");
  return { ok: true, message: "Pick list opened.", data: { pickListId } };
}
