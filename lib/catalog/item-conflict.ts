import type { Db, DbTx } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { BarcodeTaken, SkuTaken } from "./errors";

/** The first of `codes` that belongs to an item other than `itemId`, with that item's SKU. */
async function findTakenBarcode(tx: DbTx, codes: string[], itemId?: string) {
  if (codes.length === 0) return null;
  return tx.barcode.findFirst({
    where: { code: { in: codes }, ...(itemId ? { itemId: { not: itemId } } : {}) },
    select: { code: true, item: { select: { sku: true } } },
    orderBy: { code: "asc" },
  });
}

export async function refuseTakenBarcodes(tx: DbTx, codes: string[], itemId?: string): Promise<void> {
  const taken = await findTakenBarcode(tx, codes, itemId);
  if (taken) throw new BarcodeTaken(taken.code, taken.item.sku);
}

/** The unique index PostgreSQL named when it refused a row, as @prisma/adapter-pg reports it. */
function violatedIndex(error: unknown): string {
  const e = error as { meta?: { driverAdapterError?: { cause?: { constraint?: { index?: string; fields?: string[] } } } } };
  const constraint = e?.meta?.driverAdapterError?.cause?.constraint;
  return constraint?.index ?? constraint?.fields?.join(",") ?? "";
}

/**
 * The domain error for a unique violation that got past the checks in the transaction: a concurrent request
 * committed the same SKU or barcode between our check and our insert. Any other error is returned unchanged.
 */
export async function itemConflictOf(db: Db, error: unknown, attempted: { sku: string; barcodes?: string[]; itemId?: string }) {
  if (!isUniqueViolation(error)) return error;
  const index = violatedIndex(error);
  if (index === "Item_skuKey_key" || index === "skuKey") return new SkuTaken(attempted.sku);
  if (index === "Barcode_code_key" || index === "code") {
    const taken = await findTakenBarcode(db, attempted.barcodes ?? [], attempted.itemId);
    return new BarcodeTaken(taken?.code ?? (attempted.barcodes ?? []).join(", "), taken?.item.sku);
  }
  return error;
}
