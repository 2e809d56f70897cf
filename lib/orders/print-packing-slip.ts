import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { getOrder } from "./list-orders";
import { OrderDocument, type OrderFile } from "./order-document";

const A4: [number, number] = [595.28, 841.89];

/**
 * The packing slip that travels in the parcel: ship-from and ship-to, the order's lines (ordered, packed,
 * shipped) and what each package holds. Read access as for the order (404 outside the caller's sites).
 */
export async function printPackingSlip(db: Db, actor: Actor, orderId: string): Promise<OrderFile> {
  const order = await getOrder(db, actor, orderId);
  const site = order.site ? await db.site.findUnique({ where: { code: order.site }, select: { name: true, address: true } }) : null;
  const doc = await OrderDocument.create(`Packing slip ${order.number}`, A4);
  doc.line(`Packing slip ${order.number}`, { size: 18, bold: true });
  doc.line(`Your reference ${order.reference} (${order.channel})   Ordered ${order.createdAt.slice(0, 10)}`);
  doc.gap();
  doc.line(
    [
      ["Ship from", 0],
      ["Ship to", 260],
    ],
    { bold: true },
  );
  const from = [site?.name ?? order.site ?? "", ...(site?.address?.split("\n") ?? [])];
  const to = [order.customer.name, ...(order.customer.address?.split("\n") ?? [])];
  for (let i = 0; i < Math.max(from.length, to.length); i++)
    doc.line([
      [from[i] ?? "", 0],
      [to[i] ?? "", 260],
    ]);
  doc.gap(14);
  doc.line(
    [
      ["#", 0],
      ["SKU", 24],
      ["Item", 150],
      ["Ordered", 380],
      ["Packed", 440],
      ["Shipped", 490],
    ],
    { bold: true },
  );
  for (const line of order.lines)
    doc.line([
      [String(line.lineNo), 0],
      [line.sku, 24],
      [line.name.slice(0, 40), 150],
      [String(line.quantity), 380],
      [String(line.packed), 440],
      [String(line.shipped), 490],
    ]);
  for (const pkg of order.packages) {
    doc.gap();
    const measured = pkg.weightGrams ? `  ${(pkg.weightGrams / 1000).toFixed(2)} kg, ${pkg.lengthMm}×${pkg.widthMm}×${pkg.heightMm} mm` : "  (open)";
    doc.line(`Package ${pkg.number} of ${order.packages.length}${measured}`, { bold: true });
    for (const item of pkg.contents) doc.line(`${item.quantity} × ${item.sku}`);
  }
  return doc.file(`packing-slip-${order.number}.pdf`);
}
