"use server";

import { z } from "zod";
import { authorize } from "@/lib/auth/can";
import { requireSessionActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { formKeyOf } from "@/lib/http/form-write";
import { formText, submittedValues, type FormState } from "@/lib/http/form-state";
import { toFormState } from "@/lib/http/to-form-state";
import { receivePurchaseOrder } from "@/lib/purchasing/receive-purchase-order";

const palletReceipt = z.object({
  id: z.string().min(1, "Scan the pallet again"),
  sscc: z.string().min(1, "Scan the pallet again"),
  to: z.string().min(1, "Scan or type the location it goes into"),
});

// The scan screen's "Receive pallet": the same lib receipt as POST /api/v1/purchase-orders/{id}/receive by SSCC,
// the form's token as its idempotency key (a double tap on a weak signal receives once).
export async function receivePalletAction(_previous: FormState, form: FormData): Promise<FormState> {
  try {
    const input = palletReceipt.parse({
      id: formText(form, "id") ?? "",
      sscc: formText(form, "sscc") ?? "",
      to: formText(form, "to")?.toUpperCase() ?? "",
    });
    const actor = await requireSessionActor();
    authorize(actor, "stock.move");
    const order = await receivePurchaseOrder(
      getDb(),
      actor,
      input.id,
      { to: input.to, sscc: input.sscc },
      {
        idempotency: formKeyOf(actor, "purchaseOrder.receivePallet", form),
      },
    );
    return { ok: true, message: `Received into ${input.to} against ${order.number}.`, data: { to: input.to } };
  } catch (error) {
    return { ...toFormState(error), values: submittedValues(form) };
  }
}
