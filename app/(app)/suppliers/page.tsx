import { RetireToggle } from "@/components/ui/retire-toggle";
import { CreateSupplierForm, OrderWebhookForm } from "@/components/catalog/supplier-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { measureSupplierPerformance, type SupplierPerformance } from "@/lib/purchasing/measure-supplier-performance";
import { listSuppliers } from "@/lib/suppliers/manage-suppliers";
import { setSupplierActiveAction } from "./actions";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Suppliers" };

export default async function SuppliersPage() {
  const actor = await requirePageActor("catalog.manage");
  const suppliers = await listSuppliers(getDb(), actor);
  const performance = new Map((await measureSupplierPerformance(getDb(), actor)).map((p) => [p.supplier, p]));
  return (
    <>
      <PageHeader title="Suppliers" />
      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <Card title={`${suppliers.length} suppliers`}>
          {suppliers.length === 0 ? (
            <EmptyState title="No suppliers yet">Add the companies you buy from; items then name them with their terms.</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100" data-testid="supplier-list">
              {suppliers.map((s) => (
                <li key={s.code} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <p className={s.active ? "font-medium" : "font-medium text-slate-400 line-through"}>
                      {s.name} <span className="font-mono text-sm text-slate-500">{s.code}</span>
                    </p>
                    <p className="text-sm text-slate-600">
                      {[s.email, s.phone].filter(Boolean).join(" · ") || "no contact details"} ·{" "}
                      <TextLink href={`/items?supplier=${encodeURIComponent(s.code)}`}>{s.items} items</TextLink>
                    </p>
                    <p className="text-sm text-slate-600">
                      {[
                        s.currency,
                        s.leadTimeDays === null ? null : `${s.leadTimeDays} days lead time`,
                        s.minOrderValue === null ? null : `min. order ${s.minOrderValue}`,
                        s.paymentTerms,
                        s.contacts.length > 0 ? s.contacts.map((c) => c.name).join(", ") : null,
                      ]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    <PerformanceLine figures={performance.get(s.code)} />
                    <OrderWebhookForm code={s.code} url={s.orderWebhookUrl} />
                  </div>
                  <RetireToggle code={s.code} active={s.active} action={setSupplierActiveAction} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Add a supplier">
          <CreateSupplierForm />
        </Card>
      </div>
    </>
  );
}

const percent = (share: number | null) => (share === null ? "—" : `${Math.round(share * 100)}%`);

/** Its delivery record from purchase orders (lib/purchasing/measure-supplier-performance.ts), when it has any. */
function PerformanceLine({ figures }: { figures: SupplierPerformance | undefined }) {
  if (!figures) return null;
  return (
    <p className="text-sm text-slate-600" data-testid="supplier-performance">
      {figures.orders} orders · lead time promised {figures.promisedLeadTimeDays ?? "—"} d, actual {figures.actualLeadTimeDays ?? "—"} d · fill rate{" "}
      {percent(figures.fillRate)} · on time {percent(figures.onTimeRate)} · damaged {percent(figures.damagedRate)}
    </p>
  );
}
