import type { DbTx } from "../db/client";
import { PurchaseOrderRefused } from "./errors";

/** The order's lines with what receipts, confirmations and notices need of each item. */
export function orderLines(tx: DbTx, purchaseOrderId: string) {
  return tx.purchaseOrderLine.findMany({
    where: { purchaseOrderId },
    orderBy: { lineNo: "asc" },
    select: {
      id: true,
      lineNo: true,
      quantity: true,
      unitCost: true,
      received: true,
      damaged: true,
      item: { select: { id: true, sku: true, skuKey: true, tracking: true } },
    },
  });
}

export type OrderLine = Awaited<ReturnType<typeof orderLines>>[number];

/** The order's line for a SKU a request names, or 422 on that field. */
export function lineFor(lines: OrderLine[], sku: string, field: string, number: string): OrderLine {
  const line = lines.find((l) => l.item.skuKey === sku.toLowerCase());
  if (!line) throw new PurchaseOrderRefused(field, `${sku} is not on purchase order ${number}`);
  return line;
}
