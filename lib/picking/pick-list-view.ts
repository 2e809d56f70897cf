import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { DbTx } from "../db/client";
import { NotFound } from "../domain-error";
import type { Prisma } from "../db/generated/client";
import { PickRefused } from "./errors";
import { stopPickInput, type PickInput, type PickListView, type StopPickInput } from "./schemas";
import { isUuid } from "../db/is-uuid";

const pickListSelect = {
  id: true,
  reference: true,
  status: true,
  createdAt: true,
  createdByLabel: true,
  siteId: true,
  site: { select: { code: true } },
  lines: {
    orderBy: { lineNo: "asc" },
    select: {
      lineNo: true,
      quantity: true,
      pickedQuantity: true,
      item: {
        select: {
          sku: true,
          name: true,
          tracking: true,
          barcodes: { where: { kind: "gtin" }, orderBy: { code: "asc" }, take: 1, select: { code: true } },
        },
      },
      lot: { select: { number: true } },
      fromLocation: { select: { code: true } },
      orderLine: { select: { order: { select: { id: true, number: true } } } },
    },
  },
} satisfies Prisma.PickListSelect;

type PickListRow = Prisma.PickListGetPayload<{ select: typeof pickListSelect }>;

function toPickListView(row: PickListRow): PickListView {
  return {
    id: row.id,
    site: row.site.code,
    reference: row.reference,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdByLabel,
    lines: row.lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.item.sku,
      name: line.item.name,
      gtin: line.item.barcodes[0]?.code ?? null,
      tracking: line.item.tracking,
      lot: line.lot?.number ?? null,
      from: line.fromLocation.code,
      quantity: line.quantity,
      picked: line.pickedQuantity,
      remaining: line.quantity - line.pickedQuantity,
    })),
    stops: row.lines.map((line) => ({
      seq: line.lineNo,
      location: line.fromLocation.code,
      sku: line.item.sku,
      ...(line.lot ? { lot: line.lot.number } : {}),
      quantity: line.quantity,
    })),
    orders: [...new Map(row.lines.flatMap((line) => (line.orderLine ? [[line.orderLine.order.id, line.orderLine.order] as const] : []))).values()],
  };
}

/** A pick list as the API shows it, with the site it belongs to (for the caller's authorization); null when absent. */
export async function findPickListView(tx: DbTx, id: string): Promise<{ siteId: string; view: PickListView } | null> {
  if (!isUuid(id)) return null;
  const row = await tx.pickList.findUnique({ where: { id }, select: pickListSelect });
  return row ? { siteId: row.siteId, view: toPickListView(row) } : null;
}

/**
 * A stop confirmation ({ seq, quantity }) as the pick of its line: the line's bin, item and lot, for confirmPick,
 * which checks it all again under the list's lock (so the same rules and the same idempotency apply). 404 for
 * an unknown list, 403 outside the actor's sites, 422 on `seq` for a stop the list does not have.
 */
export async function stopAsPick(tx: DbTx, actor: Actor, pickListId: string, input: StopPickInput): Promise<PickInput> {
  const data = stopPickInput.parse(input);
  const list = isUuid(pickListId) ? await tx.pickList.findUnique({ where: { id: pickListId }, select: { siteId: true } }) : null;
  if (!list) throw new NotFound("Pick list", pickListId);
  authorize(actor, "stock.move", { siteId: list.siteId });
  const line = await tx.pickListLine.findUnique({
    where: { pickListId_lineNo: { pickListId, lineNo: data.seq } },
    select: { item: { select: { sku: true } }, fromLocation: { select: { code: true } }, lot: { select: { number: true } } },
  });
  if (!line) throw new PickRefused("seq", `This list has no stop ${data.seq}`);
  return {
    lineNo: data.seq,
    from: line.fromLocation.code,
    sku: line.item.sku,
    quantity: data.quantity,
    ...(line.lot ? { lot: line.lot.number } : {}),
    ...(data.serials ? { serials: data.serials } : {}),
  };
}
