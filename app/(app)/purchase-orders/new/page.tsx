import { PurchaseOrderForm } from "@/components/purchasing/purchase-order-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/sites/list-sites";
import { listSuppliers } from "@/lib/suppliers/manage-suppliers";

export const metadata = { title: "New purchase order" };

export default async function NewPurchaseOrderPage() {
  const actor = await requirePageActor("purchasing.manage");
  const db = getDb();
  const sites = (await listSites(db, actor)).filter((s) => can(actor, "purchasing.manage", { siteId: s.id })).map((s) => s.code);
  const suppliers = (await listSuppliers(db, actor)).filter((s) => s.active);
  return (
    <>
      <PageHeader title="New purchase order" />
      <Card>
        {suppliers.length === 0 ? (
          <EmptyState title="No suppliers yet">Add a supplier first, and name it on the items it sells.</EmptyState>
        ) : (
          <PurchaseOrderForm suppliers={suppliers.map((s) => ({ code: s.code, name: s.name }))} sites={sites} />
        )}
      </Card>
    </>
  );
}
