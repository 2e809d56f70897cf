import Link from "next/link";
import { hitHref, hitTitle, mapHref } from "@/components/search/search-result-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { listItemFilterOptions } from "@/lib/catalog/list-item-filter-options";
import { getDb } from "@/lib/db/client";
import { searchEverything } from "@/lib/search/search-everything";
import { searchQuery } from "@/lib/search/schemas";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Search" };

type Params = Record<string, string | undefined>;

const SELECT = "mt-1 block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3";

/** Every result for a query, with the filters; the search box in the shell opens this with Enter. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await requirePageActor("stock.view");
  const params = await searchParams;
  const db = getDb();
  // The form sends "" for "any"; an absent filter is what that means.
  const given = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = searchQuery.safeParse({ ...given, limit: 50 });
  const [hits, options, sites] = await Promise.all([
    parsed.success ? searchEverything(db, actor, parsed.data) : Promise.resolve([]),
    listItemFilterOptions(db, actor),
    listSites(db, actor),
  ]);
  return (
    <>
      <PageHeader title={params.q ? `Results for “${params.q}”` : "Search"} />
      <form className="mb-4 grid gap-2 sm:grid-cols-3 lg:grid-cols-4" role="search">
        <label className="text-sm font-medium sm:col-span-3 lg:col-span-4">
          Words or code
          <input name="q" defaultValue={params.q} className={SELECT} />
        </label>
        <label className="text-sm font-medium">
          Category
          <select name="category" defaultValue={params.category ?? ""} className={SELECT}>
            <option value="">Any</option>
            {options.categories.map((path) => (
              <option key={path} value={path}>
                {path}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Supplier
          <select name="supplier" defaultValue={params.supplier ?? ""} className={SELECT}>
            <option value="">Any</option>
            {options.suppliers.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Site
          <select name="site" defaultValue={params.site ?? ""} className={SELECT}>
            <option value="">Any</option>
            {sites.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium">
          Stock
          <select name="stockStatus" defaultValue={params.stockStatus ?? ""} className={SELECT}>
            <option value="">Any</option>
            <option value="out">Out</option>
            <option value="low">Low</option>
            <option value="in">In stock</option>
          </select>
        </label>
        <label className="text-sm font-medium">
          Zone or aisle
          <input name="zone" defaultValue={params.zone} placeholder="e.g. WH1-C" autoCapitalize="characters" className={SELECT} />
        </label>
        <label className="text-sm font-medium">
          Lot expiring within (days)
          <input name="expiringWithinDays" type="number" min={0} inputMode="numeric" defaultValue={params.expiringWithinDays} className={SELECT} />
        </label>
        <button className="min-h-11 self-end rounded-lg bg-brand-700 px-4 font-medium text-white">Search</button>
      </form>
      <Card>
        {!params.q ? (
          <EmptyState title="Type what you are looking for">
            A SKU, barcode, supplier SKU, lot, serial, bin code, or words of a name — typos are fine.
          </EmptyState>
        ) : !parsed.success ? (
          <p role="alert" className="text-red-700">
            {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </p>
        ) : hits.length === 0 ? (
          <EmptyState title="Nothing found">Check the filters, or try fewer words.</EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="search-results">
            {hits.map((hit) => {
              const map = mapHref(hit);
              return (
                <li key={`${hit.type}:${hit.sku ?? ""}:${hit.code ?? ""}`} className="flex flex-wrap items-start justify-between gap-2 py-3">
                  <div className="min-w-0">
                    <Link href={hitHref(hit)} className="flex min-h-11 flex-wrap items-center gap-x-2 font-medium text-brand-700 hover:underline">
                      {hitTitle(hit)}
                      <span className="text-xs uppercase text-slate-500">{hit.type}</span>
                    </Link>
                    {hit.stock && hit.stock.length > 0 && (
                      <p className="text-sm text-slate-600">{hit.stock.map((s) => `${s.location}: ${s.onHand}`).join(" · ")}</p>
                    )}
                  </div>
                  {map && (
                    <Link href={map} className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-3 text-sm font-medium">
                      Show on map
                    </Link>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </>
  );
}
