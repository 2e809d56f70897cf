import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db/client";
import { OrderDocument, type OrderFile } from "../orders/order-document";
import { getPurchaseOrder } from "./get-purchase-order";
import type { PurchaseOrderView } from "./schemas";

const A4: [number, number] = [595.28, 841.89];

/**
 * The purchase order as a printable A4 PDF to send the supplier: buyer's site and supplier, its terms, the lines
 * with exact amounts and the total. Read access as for the order (404 when the caller may not see it).
 */
export async function printPurchaseOrder(db: Db, actor: Actor, id: string): Promise<OrderFile> {
  return purchaseOrderPdf(db, await getPurchaseOrder(db, actor, id));
}

/** The PDF of an order already read (and allowed): also what sending it by e-mail attaches. */
export async function purchaseOrderPdf(db: Db | DbTx, order: PurchaseOrderView): Promise<OrderFile> {
  const site = await db.site.findUnique({ where: { code: order.site }, select: { name: true, address: true } });
  const supplier = await db.supplier.findUnique({ where: { code: order.supplier }, select: { email: true, phone: true, paymentTerms: true } });
  const doc = await OrderDocument.create(`Purchase order ${order.number}`, A4);
  doc.line(`Purchase order ${order.number}`, { size: 18, bold: true });
  doc.line(
    `Dated ${order.createdAt.slice(0, 10)}${order.expectedAt ? `   Expected ${order.expectedAt}` : ""}   Status ${order.status.replace("_", " ")}`,
  );
  doc.gap();
  doc.line(
    [
      ["Supplier", 0],
      ["Deliver to", 260],
    ],
    { bold: true },
  );
  const from = [order.supplierName, order.supplier, supplier?.email ?? "", supplier?.phone ?? ""].filter(Boolean);
  const to = [site?.name ?? order.site, ...(site?.address?.split("\n") ?? [])];
  for (let i = 0; i < Math.max(from.length, to.length); i++)
    doc.line([
      [from[i] ?? "", 0],
      [to[i] ?? "", 260],
    ]);
  if (supplier?.paymentTerms) doc.line(`Payment terms: ${supplier.paymentTerms}`);
  doc.gap(14);
  doc.line(
    [
      ["#", 0],
      ["SKU", 24],
      ["Item", 140],
      ["Qty", 330],
      ["Unit cost", 380],
      ["Amount", 450],
    ],
    { bold: true },
  );
  for (const line of order.lines)
    doc.line([
      [String(line.lineNo), 0],
      [line.sku, 24],
      [line.name.slice(0, 36), 140],
      [String(line.quantity), 330],
      [line.unitCost, 380],
      [line.amount, 450],
    ]);
  doc.gap();
  doc.line(`Total ${order.total} ${order.currency}`, { bold: true });
  return doc.file(`${order.number}.pdf`);
}
