import Link from "next/link";
import { notFound } from "next/navigation";
import { LiveRefresh } from "@/components/live/live-refresh";
import { AddLocationForm } from "@/components/locations/add-location-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listStock } from "@/lib/ledger/list-stock";
import { listLocations } from "@/lib/locations/list-locations";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata = { title: "Location" };

function conditionsText(c: { tempMinC: number | null; tempMaxC: number | null; hazardClasses: string[] }) {
  const parts = [];
  if (c.tempMinC !== null || c.tempMaxC !== null) parts.push(`${c.tempMinC ?? "…"} to ${c.tempMaxC ?? "…"} °C`);
  if (c.hazardClasses.length) parts.push(`hazard classes ${c.hazardClasses.join(", ")}`);
  return parts.join(" · ");
}

/** A location: where it sits, what is beneath it, and the stock at it and beneath it. */
export default async function LocationPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await requirePageActor("stock.view");
  const code = decodeURIComponent((await params).code).toUpperCase();
  const db = getDb();
  const [all, children, stock] = await Promise.all([
    listLocations(db, actor, {}),
    listLocations(db, actor, { parent: code }),
    listStock(db, actor, { location: code, limit: 500 }),
  ]);
  const location = all.find((l) => l.code === code);
  if (!location) notFound();
  const trail = location.path.split("/");
  return (
    <>
      <LiveRefresh locations={[code]} />
      <Breadcrumbs
        trail={[
          { label: "Locations", href: "/locations" },
          ...trail.map((part) => ({ label: part, href: part === code ? undefined : `/locations/${encodeURIComponent(part)}` })),
        ]}
      />
      <PageHeader title={`${location.name}`}>
        {/* A route handler answering a PDF (an A4 sheet of every bin beneath), not a page: a plain link, new tab. */}
        <a
          href={`/api/v1/labels/bin/${encodeURIComponent(code)}?subtree=true&format=pdf&size=a4`}
          target="_blank"
          rel="noopener"
          className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 bg-white px-4 font-medium text-slate-900 hover:bg-slate-100"
          data-testid="print-bin-labels"
        >
          {location.type === "bin" ? "Print label" : "Print bin labels"}
        </a>
        {can(actor, "stock.move") && location.type !== "site" ? (
          <Link
            href={`/stock/move?kind=receive&to=${encodeURIComponent(code)}`}
            className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-medium text-white"
          >
            Receive here
          </Link>
        ) : null}
      </PageHeader>
      <p className="-mt-2 mb-4 text-sm text-slate-600">
        <span className="font-mono">{code}</span> · {location.type}
        {conditionsText(location.conditions) ? ` · ${conditionsText(location.conditions)}` : ""}
      </p>
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <div className="space-y-4">
          <Card title={children.length ? `Inside (${children.length})` : "Inside"}>
            {children.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing beneath this location.</p>
            ) : (
              <ul className="max-h-[60vh] divide-y divide-slate-100 overflow-auto" data-testid="child-locations">
                {children.map((child) => (
                  <li key={child.code}>
                    <Link href={`/locations/${encodeURIComponent(child.code)}`} className="flex min-h-11 items-center justify-between gap-2 text-sm">
                      <span className="font-mono">{child.code}</span>
                      <span className="text-slate-500">{child.type}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {can(actor, "locations.manage") && location.type !== "bin" ? (
            <Card title="Add a location inside">
              <AddLocationForm parent={code} parentType={location.type} siblingType={children[0]?.type} inherited={location.conditions} />
            </Card>
          ) : null}
        </div>
        <Card title="Stock here and beneath">
          {stock.data.length === 0 ? (
            <EmptyState title="No stock here">Receive or move stock into this location to see it listed.</EmptyState>
          ) : (
            <table className="w-full text-sm" data-testid="location-stock">
              <thead className="text-left text-slate-500">
                <tr>
                  <th className="py-2">Item</th>
                  <th>Location</th>
                  <th>Lot</th>
                  <th className="text-right">On hand</th>
                  <th className="text-right">Available</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {stock.data.map((level) => (
                  <tr key={`${level.sku}-${level.location}-${level.lot}`}>
                    <td className="py-2">
                      <Link
                        href={`/items/${encodeURIComponent(level.sku)}`}
                        className="inline-flex min-h-11 items-center font-mono text-brand-700 hover:underline"
                      >
                        {level.sku}
                      </Link>
                    </td>
                    <td className="font-mono">{level.location}</td>
                    <td>{level.lot ?? "–"}</td>
                    <td className="text-right tabular-nums">{level.onHand}</td>
                    <td className="text-right tabular-nums">{level.available}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
}
