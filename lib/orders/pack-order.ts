/**
 * Packing by scanning, at the pack station: open a package, scan each unit into it, close it with its weight and
 * dimensions. Each step is an order step (./order-step.ts: the order's row locked, idempotent with a key, 409
 * for an order that is not `picked`). When every unit of the order is packed in closed packages, the order
 * becomes `packed` by itself.
 */
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { NotFound } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { resolveScannedData } from "../scan/resolve-scanned-data";
import { PackageNotOpen, PackRefused } from "./errors";
import { findOrderView, toPackageView } from "./order-view";
import { orderStep, type LockedOrder } from "./order-step";
import { closePackageInput, packageItemInput, type ClosePackageInput, type PackageItemInput, type PackingAnswer } from "./schemas";
import { moveOrderTo } from "./settle-status";

type Options = { idempotency?: IdempotencyKey | null };
type Contents = { sku: string; quantity: number }[];

const PACKING = ["picked"] as const;

/** Opens the order's next package (1, 2, 3…). */
export async function openPackage(db: Db, actor: Actor, orderId: string, options: Options = {}): Promise<PackingAnswer> {
  return orderStep(db, actor, orderId, { name: "packed", allowed: PACKING, idempotency: options.idempotency }, async (tx, order) => {
    const last = await tx.orderPackage.aggregate({ where: { orderId }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    await tx.orderPackage.create({ data: { orderId, number } });
    return answer(tx, actor, order, number, "order.package.open");
  });
}

/**
 * Puts scanned units into an open package: the scan is resolved as the scan screen resolves it (GTIN, GS1 code,
 * SKU, alias barcode, serial); refused with 422 and a code to buzz on when the item is not on the order or more
 * would be packed than was picked.
 */
export async function addToPackage(
  db: Db,
  actor: Actor,
  orderId: string,
  packageNumber: number,
  input: PackageItemInput,
  options: Options = {},
): Promise<PackingAnswer> {
  const data = packageItemInput.parse(input);
  const quantity = data.quantity ?? 1;
  const field = data.code !== undefined ? "code" : "sku";
  let sku = data.sku;
  if (data.code !== undefined) {
    const scanned = await resolveScannedData(db, actor, data.code);
    if (!scanned.item) throw new PackRefused("unknown_code", "code", scanned.message ?? `${data.code} names no item`);
    sku = scanned.item.sku;
  }
  return orderStep(db, actor, orderId, { name: "packed", allowed: PACKING, idempotency: options.idempotency }, async (tx, order) => {
    const pkg = await openPackageRow(tx, order, packageNumber);
    const line = await tx.salesOrderLine.findFirst({
      where: { orderId, item: { skuKey: sku!.toLowerCase() } },
      select: { id: true, picked: true, packed: true, item: { select: { sku: true } } },
    });
    if (!line) throw new PackRefused("wrong_item", field, `${sku} is not on order ${order.number}`);
    const left = line.picked - line.packed;
    if (quantity > left)
      throw new PackRefused("too_many", field === "code" && data.quantity === undefined ? "code" : "quantity", tooMany(line.item.sku, left));
    const raised = await tx.$executeRaw`
      UPDATE "SalesOrderLine" SET packed = packed + ${quantity} WHERE id = ${line.id}::uuid AND packed + ${quantity} <= picked`;
    if (raised !== 1) throw new PackRefused("too_many", "quantity", tooMany(line.item.sku, left));
    const contents = [...(pkg.contents as Contents)];
    const entry = contents.find((c) => c.sku === line.item.sku);
    if (entry) entry.quantity += quantity;
    else contents.push({ sku: line.item.sku, quantity });
    await tx.orderPackage.update({ where: { id: pkg.id }, data: { contents } });
    return answer(tx, actor, order, packageNumber, "order.package.add", { sku: line.item.sku, quantity });
  });
}

/** Closes a package with what it weighs and measures; the order is `packed` once every unit is in a closed package. */
export async function closePackage(
  db: Db,
  actor: Actor,
  orderId: string,
  packageNumber: number,
  input: ClosePackageInput,
  options: Options = {},
): Promise<PackingAnswer> {
  const data = closePackageInput.parse(input);
  return orderStep(db, actor, orderId, { name: "packed", allowed: PACKING, idempotency: options.idempotency }, async (tx, order) => {
    const pkg = await openPackageRow(tx, order, packageNumber);
    if ((pkg.contents as Contents).length === 0) throw new PackageNotOpen(order.number, packageNumber, "is empty: scan something into it first");
    await tx.orderPackage.update({ where: { id: pkg.id }, data: { ...data, closedAt: new Date() } });
    const unpacked = await tx.salesOrderLine.count({ where: { orderId, packed: { lt: tx.salesOrderLine.fields.quantity } } });
    const open = await tx.orderPackage.count({ where: { orderId, closedAt: null } });
    if (unpacked === 0 && open === 0) await moveOrderTo(tx, actor, orderId, "packed", "every unit in a closed package");
    return answer(tx, actor, order, packageNumber, "order.package.close", data);
  });
}

async function openPackageRow(tx: DbTx, order: LockedOrder, number: number) {
  const pkg = await tx.orderPackage.findUnique({
    where: { orderId_number: { orderId: order.id, number } },
    select: { id: true, contents: true, closedAt: true },
  });
  if (!pkg) throw new NotFound("Package", `${order.number}/${number}`);
  if (pkg.closedAt) throw new PackageNotOpen(order.number, number, "is closed");
  return pkg;
}

function tooMany(sku: string, left: number): string {
  return left === 0 ? `Every picked unit of ${sku} is packed already` : `Only ${left} more of ${sku} picked and not packed`;
}

/** The package and the order as they are now; audited and announced as `action`. */
async function answer(tx: DbTx, actor: Actor, order: LockedOrder, number: number, action: string, detail: object = {}): Promise<PackingAnswer> {
  const pkg = await tx.orderPackage.findUniqueOrThrow({
    where: { orderId_number: { orderId: order.id, number } },
    select: { number: true, contents: true, weightGrams: true, lengthMm: true, widthMm: true, heightMm: true, closedAt: true },
  });
  const view = toPackageView(pkg);
  const after = { order: order.number, package: view, ...detail };
  await recordAudit(tx, actor, { action, entityType: "order", entityId: order.id, siteId: order.siteId, after });
  await enqueueEvent(tx, { type: action, siteId: order.siteId, aggregateId: order.id, payload: after });
  return { package: view, order: (await findOrderView(tx, order.id))! };
}
