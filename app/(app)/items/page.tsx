import Link from "next/link";
import { ItemTable } from "@/components/items/item-table";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { listItemFilterOptions } from "@/lib/catalog/list-item-filter-options";
import { listItemTable } from "@/lib/catalog/list-item-table";
import { itemTableQuery } from "@/lib/catalog/schemas";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Items" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ItemsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("stock.view");
  // A parameter given twice counts once, by its first value; values that do not fit fall back to defaults.
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = itemTableQuery.parse(raw);
  const db = getDb();
  const [data, options, sites] = await Promise.all([listItemTable(db, actor, query), listItemFilterOptions(db, actor), listSites(db, actor)]);
  return (
    <>
      <PageHeader title="Items">
        {can(actor, "catalog.manage") ? (
          <div className="flex gap-2">
            <Link
              href="/items/import"
              className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
            >
              Import / export
            </Link>
            <Link
              href="/items/new"
              className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white hover:bg-brand-900"
            >
              New item
            </Link>
          </div>
        ) : null}
      </PageHeader>
      <ItemTable data={data} query={query} choices={{ ...options, sites: sites.map((s) => ({ code: s.code, name: s.name })) }} />
    </>
  );
}
