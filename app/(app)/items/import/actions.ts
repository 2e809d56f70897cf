"use server";

import { revalidatePath } from "next/cache";
import { requireSessionActor } from "@/lib/auth/session";
import { importItems } from "@/lib/catalog/import-items";
import { decodeCsv } from "@/lib/csv/decode-csv";
import { ImportRefused, IMPORT_MODES } from "@/lib/csv/import-report";
import { ValidationFailed } from "@/lib/domain-error";
import type { FormState } from "@/lib/http/form-state";
import { inFormUnit } from "@/lib/http/form-write";
import { toFormState } from "@/lib/http/to-form-state";
import { importOpeningStock } from "@/lib/ledger/import-opening-stock";
import { importThresholds } from "@/lib/thresholds/import-thresholds";

const IMPORT_KINDS = ["items", "stock", "thresholds"] as const;

/**
 * Checks (mode "dry-run") or imports the uploaded CSV as items, opening stock or thresholds; the report comes back in
 * `data.report`, also when import-all was refused. The domain functions check the permission again.
 */
export async function importCsvAction(form: FormData): Promise<FormState> {
  const kind = IMPORT_KINDS.find((k) => k === form.get("kind")) ?? "items";
  const mode = IMPORT_MODES.find((m) => m === form.get("mode")) ?? "dry-run";
  try {
    const actor = await requireSessionActor();
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a CSV file first." };
    const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    const run = { items: importItems, stock: importOpeningStock, thresholds: importThresholds }[kind];
    const { value: report } = await inFormUnit(actor, `import.${kind}`, form, (db) => run(db, actor, text, { mode }));
    if (report.imported > 0) revalidatePath("/items", "layout");
    return { ok: true, data: { kind, mode, report } };
  } catch (error) {
    if (error instanceof ImportRefused) return { ok: false, message: error.message, data: { kind, mode, report: error.report } };
    // A file that cannot be read at all: its one message says why.
    if (error instanceof ValidationFailed) return { ok: false, message: error.issues.map((issue) => issue.message).join(" ") };
    return toFormState(error);
  }
}
