import type { DbTx } from "../db/client";

/** Whether any movement names the item: then its unit and tracking mode are part of history. */
export async function hasStockHistory(tx: DbTx, item: { id: string } | { sku: string }): Promise<boolean> {
  const where = "id" in item ? { itemId: item.id } : { item: { skuKey: item.sku.toLowerCase() } };
  return (await tx.stockMovement.findFirst({ where, select: { id: true } })) !== null;
}
