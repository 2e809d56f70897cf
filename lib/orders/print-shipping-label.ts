import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { renderBarcode } from "../labels/render-barcode";
import { PackageNotOpen } from "./errors";
import { getOrder } from "./list-orders";
import { OrderDocument, type OrderFile } from "./order-document";

/** 4×6 in, the size carriers' thermal printers take. */
const LABEL: [number, number] = [288, 432];

/**
 * The shipping label of one closed package, 4×6 in: ship-from, ship-to, the order number, "package n of N", its
 * weight and dimensions, carrier and tracking number once shipped, and a Code 128 of `<order>-<n>` to scan at
 * the dock. 409 while the package is open (it has no weight yet).
 */
export async function printShippingLabel(db: Db, actor: Actor, orderId: string, packageNumber: number): Promise<OrderFile> {
  const order = await getOrder(db, actor, orderId);
  const pkg = order.packages.find((p) => p.number === packageNumber);
  if (!pkg) throw new NotFound("Package", `${order.number}/${packageNumber}`);
  if (!pkg.closedAt) throw new PackageNotOpen(order.number, packageNumber, "is still open: close it with its weight first");
  const site = order.site ? await db.site.findUnique({ where: { code: order.site }, select: { name: true, address: true } }) : null;
  const doc = await OrderDocument.create(`Shipping label ${order.number} package ${pkg.number}`, LABEL);
  doc.line("FROM", { size: 7, bold: true });
  for (const text of [site?.name ?? order.site ?? "", ...(site?.address?.split("\n") ?? [])]) doc.line(text, { size: 8 });
  doc.gap(10);
  doc.line("TO", { size: 8, bold: true });
  doc.line(order.customer.name, { size: 14, bold: true });
  for (const text of order.customer.address?.split("\n") ?? []) doc.line(text, { size: 12 });
  doc.gap(10);
  doc.line(`${order.number}   package ${pkg.number} of ${order.packages.length}`, { size: 12, bold: true });
  doc.line(`${(pkg.weightGrams! / 1000).toFixed(2)} kg   ${pkg.lengthMm}×${pkg.widthMm}×${pkg.heightMm} mm`, { size: 10 });
  if (order.carrier) doc.line(`${order.carrier} ${order.trackingNumber}`, { size: 10 });
  doc.gap(10);
  await doc.image(await renderBarcode({ symbology: "code128", data: `${order.number}-${pkg.number}` }), 208, 80);
  return doc.file(`label-${order.number}-${pkg.number}.pdf`);
}
