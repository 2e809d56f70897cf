import Link from "next/link";
import { DraftFromSuggestion } from "@/components/purchasing/draft-from-suggestion";
import { DraftScheduleForm } from "@/components/purchasing/draft-schedule-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getDraftSchedule } from "@/lib/purchasing/draft-schedule";
import { suggestPurchases } from "@/lib/purchasing/suggest-purchases";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Purchase suggestions" };

export default async function PurchaseSuggestionsPage({ searchParams }: { searchParams: Promise<{ site?: string }> }) {
  const actor = await requirePageActor("purchasing.manage");
  const sites = await listSites(getDb(), actor);
  const wanted = (await searchParams).site?.toUpperCase();
  const site = sites.find((s) => s.code === wanted) ?? sites[0];
  const [suggestions, schedule] = site
    ? await Promise.all([suggestPurchases(getDb(), actor, { site: site.code }), getDraftSchedule(getDb(), actor, site.code)])
    : [null, null];
  return (
    <>
      <BackLink href="/purchase-orders">Purchase orders</BackLink>
      <PageHeader title="Purchase suggestions" />
      {sites.length > 1 ? (
        <nav aria-label="Site" className="mb-3 flex flex-wrap gap-2 text-sm">
          {sites.map((s) => (
            <Link
              key={s.code}
              href={`/purchase-orders/suggestions?site=${s.code}`}
              aria-current={s.code === site?.code ? "page" : undefined}
              className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-full border border-slate-300 px-4 aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50"
            >
              {s.code}
            </Link>
          ))}
        </nav>
      ) : null}
      {!suggestions || suggestions.data.length === 0 ? (
        <Card>
          <EmptyState title="Nothing to order">
            Items appear here when available plus what is on order falls to their reorder point. Set reorder points on an item&apos;s page, or let the
            weekly recompute set them from the forecast (Reorder points).
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-4" data-testid="suggestions">
          {suggestions.data.map((group) => (
            <Card key={group.supplier} title={`${group.supplierName} (${group.supplier})`}>
              <ul className="divide-y divide-slate-100">
                {group.lines.map((line) => (
                  <li key={line.sku} className="py-2" data-testid="suggestion-line">
                    <p>
                      <b className="tabular-nums">{line.quantity}</b> × <span className="font-mono font-semibold">{line.sku}</span>
                    </p>
                    <p className="text-sm text-slate-600">{line.reason}</p>
                  </li>
                ))}
              </ul>
              <DraftFromSuggestion
                supplier={group.supplier}
                site={suggestions.site}
                lines={group.lines.map(({ sku, quantity }) => ({ sku, quantity }))}
              />
            </Card>
          ))}
        </div>
      )}
      {schedule ? (
        <Card title="Drafting schedule" className="mt-4">
          <DraftScheduleForm view={schedule} />
        </Card>
      ) : null}
    </>
  );
}
