import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listLocations } from "@/lib/locations/list-locations";

export const metadata = { title: "Locations" };

export default async function LocationsPage() {
  const actor = await requirePageActor("stock.view");
  const sites = (await listLocations(getDb(), actor, {})).filter((l) => l.type === "site");
  return (
    <>
      <PageHeader title="Locations">
        {sites.length > 0 ? (
          <Link
            href="/locations/map"
            className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100"
          >
            Map
          </Link>
        ) : null}
      </PageHeader>
      {sites.length === 0 ? (
        <EmptyState title="No sites you can see">Ask an admin to assign you to a site.</EmptyState>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2">
          {sites.map((site) => (
            <Link key={site.code} href={`/locations/${encodeURIComponent(site.code)}`} className="block">
              <Card>
                <p className="font-mono text-sm text-slate-500">{site.code}</p>
                <p className="text-lg font-semibold">{site.name}</p>
              </Card>
            </Link>
          ))}
        </div>
      )}
    </>
  );
}
