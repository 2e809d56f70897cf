import type { DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { ItemView } from "./schemas";

/** What an item view needs, loaded with the item in one findMany/findUnique (no query per item). */
export const itemWithRelations = {
  category: { select: { path: true } },
  barcodes: { select: { code: true, kind: true }, orderBy: [{ kind: "asc" }, { code: "asc" }] },
  suppliers: {
    include: { supplier: { select: { code: true, name: true } } },
    orderBy: [{ preferred: "desc" }, { supplier: { code: "asc" } }],
  },
} as const satisfies Prisma.ItemInclude;

export type ItemRow = Prisma.ItemGetPayload<{ include: typeof itemWithRelations }>;

export function toItemView(item: ItemRow): ItemView {
  return {
    sku: item.sku,
    name: item.name,
    description: item.description,
    category: item.category?.path ?? null,
    unit: item.unit,
    tracking: item.tracking,
    barcodes: item.barcodes.map((b) => ({ code: b.code, kind: b.kind })),
    suppliers: item.suppliers.map((s) => ({
      supplier: s.supplier.code,
      supplierName: s.supplier.name,
      supplierSku: s.supplierSku,
      unitCost: s.unitCost?.toFixed(4) ?? null,
      currency: s.currency,
      leadTimeDays: s.leadTimeDays,
      minOrderQty: s.minOrderQty,
      preferred: s.preferred,
      packSize: s.packSize,
      priceBreaks: s.priceBreaks as { minQty: number; unitCost: string }[],
    })),
    storage: {
      tempMinC: item.tempMinC?.toNumber() ?? null,
      tempMaxC: item.tempMaxC?.toNumber() ?? null,
      humidityMaxPct: item.humidityMaxPct,
      hazardClass: item.hazardClass,
      handlingNotes: item.handlingNotes,
    },
    attributes: item.attributes as ItemView["attributes"],
    imageUrl: item.imageUrl,
    costing: { method: item.costingMethod, standardCost: item.standardCost?.toFixed(4) ?? null },
    active: item.active,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export async function findItemView(tx: DbTx, where: Prisma.ItemWhereUniqueInput): Promise<ItemView | null> {
  const item = await tx.item.findUnique({ where, include: itemWithRelations });
  return item ? toItemView(item) : null;
}
