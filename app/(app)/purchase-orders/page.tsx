import Link from "next/link";
import { PurchaseOrderTable } from "@/components/purchasing/purchase-order-table";
import { statusLabel } from "@/components/purchasing/purchase-order-status";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listPurchaseOrderTable } from "@/lib/purchasing/list-purchase-orders";
import { PURCHASE_ORDER_STATUSES, purchaseOrderTableQuery } from "@/lib/purchasing/schemas";

export const metadata = { title: "Purchase orders" };

export default async function PurchaseOrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("purchasing.view");
  // A parameter given twice counts once, by its first value; values that do not fit fall back to defaults.
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = purchaseOrderTableQuery.parse(raw);
  const status = query.status;
  const data = await listPurchaseOrderTable(getDb(), actor, query);
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
      <PurchaseOrderTable data={data} query={query} />
    </>
  );
}
