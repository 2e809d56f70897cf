import { ItemForm } from "@/components/items/item-form";
import { PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getItem } from "@/lib/catalog/get-item";
import { hasStockHistory } from "@/lib/catalog/has-stock-history";
import { listItemFilterOptions } from "@/lib/catalog/list-item-filter-options";
import { getDb } from "@/lib/db/client";
import { listThresholds } from "@/lib/thresholds/list-thresholds";
import { orNotFound } from "@/lib/http/or-not-found";
import { BackLink } from "@/components/ui/back-link";

export const metadata = { title: "Edit item" };

export default async function EditItemPage({ params }: { params: Promise<{ sku: string }> }) {
  const actor = await requirePageActor("catalog.manage");
  const { sku } = await params;
  const db = getDb();
  const item = await orNotFound(getItem(db, actor, decodeURIComponent(sku)));
  const [options, moved, thresholds] = await Promise.all([
    listItemFilterOptions(db, actor),
    hasStockHistory(db, { sku: item.sku }),
    listThresholds(db, actor, item.sku),
  ]);
  const reorderPoint = thresholds.default.reorderPoint;
  return (
    <>
      <BackLink href={`/items/${encodeURIComponent(item.sku)}`}>{item.sku}</BackLink>
      <PageHeader title={`Edit ${item.name}`} />
      <ItemForm
        mode="edit"
        hasHistory={Boolean(moved)}
        categories={options.categories}
        suppliers={options.suppliers}
        initial={{
          sku: item.sku,
          name: item.name,
          description: item.description ?? "",
          category: item.category ?? "",
          unit: item.unit,
          tracking: item.tracking,
          barcodes: item.barcodes.map((b) => b.code).join(" "),
          reorderPoint: reorderPoint === null ? "" : String(reorderPoint),
          tempMinC: item.storage.tempMinC?.toString() ?? "",
          tempMaxC: item.storage.tempMaxC?.toString() ?? "",
          hazardClass: item.storage.hazardClass ?? "",
          handlingNotes: item.storage.handlingNotes ?? "",
          active: item.active,
          costingMethod: item.costing.method ?? "",
          standardCost: item.costing.standardCost ?? "",
        }}
      />
    </>
  );
}
