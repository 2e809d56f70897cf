import type { DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { PickListView } from "./schemas";

const pickListSelect = {
  id: true, reference: true, status: true, createdAt: true, createdByLabel: true, siteId: true,
  site: { select: { code: true } },
  lines: {
    orderBy: { lineNo: "asc" },
    select: {
      lineNo: true, quantity: true, pickedQuantity: true,
      item: { select: { sku: true, name: true, tracking: true, barcodes: { where: { kind: "gtin" }, orderBy: { code: "asc" }, take: 1, select: { code: true } } } },
      lot: { select: { number: true } },
      fromLocation: { select: { code: true } },
    },
  },
} satisfies Prisma.PickListSelect;

type PickListRow = Prisma.PickListGetPayload<{ select: typeof pickListSelect }>;

function toPickListView(row: PickListRow): PickListView {
  return {
    id: row.id, site: row.site.code, reference: row.reference, status: row.status, createdAt: row.createdAt.toISOString(), createdBy: row.createdByLabel,
    lines: row.lines.map((line) => ({
      lineNo: line.lineNo, sku: line.item.sku, name: line.item.name, gtin: line.item.barcodes[0]?.code ?? null, tracking: line.item.tracking,
      lot: line.lot?.number ?? null, from: line.fromLocation.code,
      quantity: line.quantity, picked: line.pickedQuantity, remaining: line.quantity - line.pickedQuantity,
    })),
  };
}

/** A pick list as the API shows it, with the site it belongs to (for the caller's authorization); null when absent. */
export async function findPickListView(tx: DbTx, id: string): Promise<{ siteId: string; view: PickListView } | null> {
  if (!isUuid(id)) return null;
  const row = await tx.pickList.findUnique({ where: { id }, select: pickListSelect });
  return row ? { siteId: row.siteId, view: toPickListView(row) } : null;
}

/** Ids are UUIDs; anything else names no pick list (and must not reach a ::uuid cast). */
export function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
