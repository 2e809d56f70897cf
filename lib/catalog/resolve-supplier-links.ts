import type { DbTx } from "../db/client";
import { UnknownSupplier } from "./errors";
import type { itemInput } from "./schemas";
import type { z } from "zod";

type SupplierEntry = z.output<typeof itemInput>["suppliers"][number];

/** Supplier codes → the ItemSupplier rows to write, refusing every unknown code at once (422 per entry). */
export async function resolveSupplierLinks(tx: DbTx, entries: SupplierEntry[]) {
  if (entries.length === 0) return [];
  const found = await tx.supplier.findMany({ where: { code: { in: entries.map((e) => e.supplier) } }, select: { id: true, code: true } });
  const idByCode = new Map(found.map((s) => [s.code, s.id]));
  const unknown = entries.flatMap((e, index) => (idByCode.has(e.supplier) ? [] : [{ index, code: e.supplier }]));
  if (unknown.length > 0) throw new UnknownSupplier(unknown);
  return entries.map((e) => ({
    supplierId: idByCode.get(e.supplier)!,
    supplierSku: e.supplierSku ?? null,
    unitCost: e.unitCost ?? null,
    currency: e.currency,
    leadTimeDays: e.leadTimeDays ?? null,
    minOrderQty: e.minOrderQty ?? null,
    preferred: e.preferred,
    packSize: e.packSize,
    priceBreaks: e.priceBreaks.map((b) => ({ minQty: b.minQty, unitCost: fixed4(b.unitCost) })),
  }));
}

/** "12.5" → "12.5000": price breaks are kept as the database keeps unit costs, 4 decimals. */
function fixed4(amount: string): string {
  const [whole, fraction = ""] = amount.split(".");
  return `${whole}.${fraction.padEnd(4, "0")}`;
}
