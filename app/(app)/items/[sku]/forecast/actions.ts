"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { applyReorderPoint } from "@/lib/forecast/apply-reorder-point";
import { planForecast } from "@/lib/forecast/plan-forecast";
import { formNumber, formText, type FormState } from "@/lib/http/form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";

/** "Apply" beside a suggested reorder point: the site's thresholds, the same rule and permission as PUT …/thresholds. */
export async function applyReorderPointAction(_previous: FormState, form: FormData): Promise<FormState> {
  const sku = formText(form, "sku") ?? "";
  try {
    const actor = await requireSessionActor();
    const reorderPoint = formNumber(form, "reorderPoint") ?? Number.NaN;
    const input = { sku, site: formText(form, "site") ?? "", reorderPoint, safetyStock: formNumber(form, "safetyStock") };
    await inFormUnit(actor, "applyReorderPoint", form, (db) => applyReorderPoint(db, actor, input));
    revalidatePath(`/items/${encodeURIComponent(sku)}`);
    revalidatePath(`/items/${encodeURIComponent(sku)}/forecast`);
    return { ok: true, message: `Reorder point ${reorderPoint} is now in force at ${input.site}.` };
  } catch (error) {
    return toFormState(error);
  }
}

/** Pin a method (empty: automatic) or correct a period, from the forecast page: the same rule as PUT …/forecast/plan. */
export async function planForecastAction(_previous: FormState, form: FormData): Promise<FormState> {
  const sku = formText(form, "sku") ?? "";
  try {
    const actor = await requireSessionActor();
    const site = formText(form, "site") ?? "";
    const period = (formText(form, "period") ?? "week") as "day" | "week" | "month";
    const start = formText(form, "start");
    const input = start
      ? {
          site,
          period,
          override: {
            start,
            demand: formText(form, "demand") === undefined ? null : (formNumber(form, "demand") ?? Number.NaN),
            note: formText(form, "note") ?? "",
          },
        }
      : { site, period, pinnedMethod: formText(form, "pinnedMethod") || null };
    await inFormUnit(actor, "planForecast", form, (db) => planForecast(db, actor, sku, input));
    revalidatePath(`/items/${encodeURIComponent(sku)}/forecast`);
    return { ok: true, message: start ? "The period is corrected." : "The method is set." };
  } catch (error) {
    return toFormState(error);
  }
}
