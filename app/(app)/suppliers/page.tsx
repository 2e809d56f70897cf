import { RetireToggle } from "@/components/ui/retire-toggle";
import { CreateSupplierForm } from "@/components/catalog/supplier-forms";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listSuppliers } from "@/lib/suppliers/manage-suppliers";
import { setSupplierActiveAction } from "./actions";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Suppliers" };

export default async function SuppliersPage() {
  const actor = await requirePageActor("catalog.manage");
  const suppliers = await listSuppliers(getDb(), actor);
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
