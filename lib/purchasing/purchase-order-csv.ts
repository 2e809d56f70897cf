import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { guardFormula } from "../csv/formula-guard";
import { stringifyCsvRows } from "../csv/stringify-csv";
import { getPurchaseOrder } from "./get-purchase-order";
import type { PurchaseOrderView } from "./schemas";

const COLUMNS = ["number", "supplier", "site", "expectedAt", "currency", "lineNo", "sku", "name", "quantity", "unitCost", "amount"] as const;

/** The order as a CSV a supplier's system can read: one row per line, the order's facts repeated on each. */
export function purchaseOrderCsv(order: PurchaseOrderView): string {
  const rows = order.lines.map((l) => ({
    number: order.number,
    supplier: order.supplier,
    site: order.site,
    expectedAt: order.expectedAt ?? "",
    currency: order.currency,
    lineNo: String(l.lineNo),
    sku: guardFormula(l.sku),
    name: guardFormula(l.name),
    quantity: String(l.quantity),
    unitCost: l.unitCost,
    amount: l.amount,
  }));
  return stringifyCsvRows(COLUMNS, rows);
}

/** The CSV download of an order the actor may see (404 otherwise, as for the JSON). */
export async function downloadPurchaseOrderCsv(db: Db, actor: Actor, id: string) {
  const order = await getPurchaseOrder(db, actor, id);
  return { body: purchaseOrderCsv(order), contentType: "text/csv; charset=utf-8", fileName: `${order.number}.csv`, inline: false };
}
