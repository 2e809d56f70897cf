import Link from "next/link";
import { PURCHASE_ORDER_STATUS_TONE, statusLabel } from "@/components/purchasing/purchase-order-status";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPurchaseOrders } from "@/lib/purchasing/list-purchase-orders";
import { PURCHASE_ORDER_STATUSES } from "@/lib/purchasing/schemas";

export const metadata = { title: "Purchase orders" };

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requirePageActor("purchasing.view");
  const { status: wanted } = await searchParams;
  const status = PURCHASE_ORDER_STATUSES.find((s) => s === wanted);
  const orders = await listPurchaseOrders(getDb(), actor, status ? { status } : {});
  return (
    <>
      <PageHeader title="Purchase orders">
        {can(actor, "purchasing.manage") && (
          <span className="flex flex-wrap gap-2">
            <Link
              href="/purchase-orders/suggestions"
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-brand-700"
            >
              Suggestions
            </Link>
            <Link href="/purchase-orders/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white">
              New purchase order
            </Link>
          </span>
        )}
      </PageHeader>
      <nav aria-label="Status" className="mb-3 flex flex-wrap gap-2 text-sm">
        {[undefined, ...PURCHASE_ORDER_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={s ? `/purchase-orders?status=${s}` : "/purchase-orders"}
            aria-current={s === status ? "page" : undefined}
            className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-slate-300 px-3 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
          >
            {s ? statusLabel(s) : "all"}
          </Link>
        ))}
      </nav>
      <Card>
        {orders.length === 0 ? (
          <EmptyState title="No purchase orders here">Order from a supplier with “New purchase order”.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="purchase-order-list">
            {orders.map((o) => (
              <li key={o.id}>
                <Link href={`/purchase-orders/${o.id}`} className="flex min-h-14 flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-medium">
                    {o.number}{" "}
                    <span className="text-sm text-slate-600">
                      {o.supplierName} → {o.site}
                    </span>
                  </span>
                  <span className="flex items-center gap-2 text-sm text-slate-600 tabular-nums">
                    {o.total} {o.currency}
                    {o.expectedAt && <> · due {o.expectedAt}</>} <Badge tone={PURCHASE_ORDER_STATUS_TONE[o.status]}>{statusLabel(o.status)}</Badge>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
