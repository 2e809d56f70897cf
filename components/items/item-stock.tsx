import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import type { ItemLot } from "@/lib/catalog/list-item-lots";
import type { LevelView } from "@/lib/ledger/schemas";

const number = new Intl.NumberFormat("en");
const SOON_DAYS = 30;

/** On shelves and in transit per site, and across the sites the person may see. */
function SiteTotals({ levels, unit }: { levels: LevelView[]; unit: string }) {
  const bySite = new Map<string, { shelves: number; transit: number }>();
  for (const l of levels) {
    const site = bySite.get(l.site ?? "") ?? { shelves: 0, transit: 0 };
    if (l.isInTransit) site.transit += l.onHand;
    else site.shelves += l.onHand;
    bySite.set(l.site ?? "", site);
  }
  const rows = [...bySite.entries()].sort(([a], [b]) => a.localeCompare(b));
  const all = rows.reduce((sum, [, t]) => ({ shelves: sum.shelves + t.shelves, transit: sum.transit + t.transit }), { shelves: 0, transit: 0 });
  return (
    <dl className="mb-3 grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="site-totals">
      {rows.map(([site, t]) => (
        <div key={site} className="rounded-lg bg-slate-50 p-2">
          <dt className="text-xs font-medium text-slate-600">{site}</dt>
          <dd className="font-semibold tabular-nums">
            {number.format(t.shelves)} {unit}
            {t.transit > 0 && <span className="block text-xs font-normal text-amber-800">+{number.format(t.transit)} in transit</span>}
          </dd>
        </div>
      ))}
      {rows.length > 1 && (
        <div className="rounded-lg bg-brand-50 p-2">
          <dt className="text-xs font-medium text-brand-700">All your sites</dt>
          <dd className="font-semibold tabular-nums">
            {number.format(all.shelves + all.transit)} {unit}
            {all.transit > 0 && <span className="block text-xs font-normal">of which {number.format(all.transit)} in transit</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}

/** Stock of one item by location and lot, with totals per site. A table on wide screens, a list on phones. */
export function StockLevels({ levels, unit, isPartial }: { levels: LevelView[]; unit: string; isPartial: boolean }) {
  if (levels.length === 0) {
    return <EmptyState title="None in stock at your sites">Receive it to put stock on a shelf.</EmptyState>;
  }
  const total = levels.reduce(
    (sum, l) => ({ onHand: sum.onHand + l.onHand, reserved: sum.reserved + l.reserved, available: sum.available + l.available }),
    { onHand: 0, reserved: 0, available: 0 },
  );
  return (
    <>
      <SiteTotals levels={levels} unit={unit} />
      <ul className="divide-y divide-slate-100 md:hidden">
        {levels.map((l) => (
          <li key={`${l.location}/${l.lot ?? ""}`} className="flex items-center justify-between gap-3 py-2">
            <span className="min-w-0">
              <span className="block break-all font-mono text-sm font-medium">{l.location}</span>
              {l.lot ? <span className="block text-sm text-slate-500">lot {l.lot}</span> : null}
            </span>
            <span className="shrink-0 text-right">
              <span className="block font-semibold tabular-nums">
                {number.format(l.available)} <span className="text-xs font-normal text-slate-500">available</span>
              </span>
              <span className="block text-xs tabular-nums text-slate-500">
                {number.format(l.onHand)} on hand · {number.format(l.reserved)} reserved
              </span>
            </span>
          </li>
        ))}
        <li className="flex items-center justify-between py-2 font-semibold">
          <span>Total</span>
          <span className="tabular-nums">
            {number.format(total.available)} {unit} available
          </span>
        </li>
      </ul>
      <table className="hidden w-full text-sm md:table" data-testid="stock-levels">
        <thead className="border-b border-slate-200 text-left text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Location
            </th>
            <th scope="col" className="py-2 pr-3 font-semibold">
              Lot
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              On hand
            </th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">
              Reserved
            </th>
            <th scope="col" className="py-2 text-right font-semibold">
              Available
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {levels.map((l) => (
            <tr key={`${l.location}/${l.lot ?? ""}`}>
              <td className="py-2 pr-3 font-mono">{l.location}</td>
              <td className="py-2 pr-3">{l.lot ?? <span className="text-slate-400">—</span>}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{number.format(l.onHand)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{number.format(l.reserved)}</td>
              <td className="py-2 text-right font-medium tabular-nums">{number.format(l.available)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 font-semibold">
          <tr>
            <th scope="row" colSpan={2} className="py-2 pr-3 text-left">
              Total ({unit})
            </th>
            <td className="py-2 pr-3 text-right tabular-nums">{number.format(total.onHand)}</td>
            <td className="py-2 pr-3 text-right tabular-nums">{number.format(total.reserved)}</td>
            <td className="py-2 text-right tabular-nums">{number.format(total.available)}</td>
          </tr>
        </tfoot>
      </table>
      {isPartial ? <p className="mt-2 text-sm text-slate-500">Showing the first {levels.length} locations.</p> : null}
    </>
  );
}

function expiryBadge(expiresOn: string | null, today: string) {
  if (!expiresOn) return null;
  if (expiresOn < today) return <Badge tone="red">Expired</Badge>;
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + SOON_DAYS);
  return expiresOn <= soon.toISOString().slice(0, 10) ? <Badge tone="amber">Expires soon</Badge> : null;
}

/** Lots first to expire first, each with a link to trace where it came from and went. */
export function LotList({ lots, sku, today }: { lots: ItemLot[]; sku: string; today: string }) {
  if (lots.length === 0) return <EmptyState title="No lots yet">A lot is recorded when this item is first received with a lot number.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" data-testid="lots">
      {lots.map((lot) => (
        <li key={lot.lot} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
          <span className="min-w-0">
            <span className="flex flex-wrap items-center gap-2">
              <span className="font-mono font-medium">{lot.lot}</span>
              {expiryBadge(lot.expiresOn, today)}
            </span>
            <span className="block text-sm text-slate-600">
              {lot.expiresOn ? `expires ${lot.expiresOn}` : "no expiry"} · {number.format(lot.onHand)} on hand
            </span>
          </span>
          <Link
            href={`/trace?${new URLSearchParams({ lot: lot.lot, sku })}`}
            className="inline-flex min-h-11 items-center rounded-lg px-3 font-medium text-brand-700 hover:bg-brand-50"
          >
            Trace<span className="sr-only"> lot {lot.lot}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
