import Link from "next/link";
import { forbidden } from "next/navigation";
import { AbcXyzCells } from "@/components/dashboard/abc-xyz-cells";
import { RankedBarChart } from "@/components/dashboard/ranked-bar-chart";
import { SeriesChart } from "@/components/dashboard/series-chart";
import { Figure, Tile, TileEmpty } from "@/components/dashboard/tile";
import { ReportFilters } from "@/components/reports/report-filters";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { ALERT_KIND_LABELS } from "@/lib/alerts/alert-kinds";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getManagerDashboard } from "@/lib/dashboard/manager-dashboard";
import type { ManagerDashboard } from "@/lib/dashboard/schemas";
import { getDb } from "@/lib/db/client";
import { Forbidden, ValidationFailed, type FieldIssue } from "@/lib/domain-error";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Analytics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const number = new Intl.NumberFormat("en");
const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
const itemHref = (sku: string) => `/items/${encodeURIComponent(sku)}`;

export default async function ManagerDashboardPage({ searchParams }: Props) {
  const actor = await requirePageActor("reports.view");
  // A parameter given twice counts once, by its first value; empty fields of the form count as left out.
  const raw = Object.fromEntries(
    Object.entries(await searchParams)
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const)
      .filter(([key, value]) => ["from", "to", "site"].includes(key) && value),
  );
  const db = getDb();
  let dashboard: ManagerDashboard | null = null;
  let issues: FieldIssue[] = [];
  try {
    dashboard = await getManagerDashboard(db, actor, raw);
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    if (!(error instanceof ValidationFailed)) throw error;
    issues = error.issues;
  }
  const sites = can(actor, "stock.view") ? await listSites(db, actor) : [];
  return (
    <>
      <PageHeader title="Analytics" />
      <p className="mb-3 text-sm text-slate-600">
        How the stock is turning, what is missing, lost, expiring or lying still — for your sites or one of them, over the period you choose. Each
        tile opens the report behind it.
      </p>
      <ReportFilters values={dashboard?.filters ?? raw} sites={sites.map((s) => ({ code: s.code, name: s.name }))} issues={issues} />
      {dashboard ? (
        <Tiles dashboard={dashboard} />
      ) : (
        <EmptyState title="These filters cannot be used">Correct the field marked above and choose Show again.</EmptyState>
      )}
    </>
  );
}

function Tiles({ dashboard: d }: { dashboard: ManagerDashboard }) {
  const { from, to, site } = d.filters;
  const period = new URLSearchParams({ from, to, ...(site ? { site } : {}) }).toString();
  const report = (name: string) => `/reports/${name}?${period}`;
  const alerts = (kind?: string) => `/alerts?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(site ? { site } : {}) })}`;
  return (
    <>
      <p className="mb-3 text-sm text-slate-600" aria-live="polite" data-testid="dashboard-scope">
        {from} to {to} · {d.days} days · {site ?? "all your sites"}
      </p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
        <Tile title="Turns and days of inventory" testId="tile-turnover" href={report("abc-xyz")} linkText="Units issued, item by item">
          <div className="mb-3 flex flex-wrap gap-x-6 gap-y-3">
            <Figure
              label="Turns"
              value={d.turnover.turns === null ? "–" : decimal.format(d.turnover.turns)}
              testId="figure-turns"
              note="Units issued ÷ average on hand"
            />
            <Figure
              label="Days of inventory"
              value={d.turnover.daysOfInventory === null ? "–" : decimal.format(d.turnover.daysOfInventory)}
              testId="figure-days-of-inventory"
              note={`${d.days} days ÷ turns`}
            />
            <Figure label="Units issued" value={number.format(d.turnover.unitsIssued)} />
            <Figure label="Average on hand" value={number.format(Math.round(d.turnover.averageOnHand))} />
          </div>
          {d.turnover.averageOnHand === 0 && d.turnover.unitsIssued === 0 ? (
            <TileEmpty>Nothing was on hand or issued in this period. Receive stock, or choose a longer period or another site.</TileEmpty>
          ) : (
            <SeriesChart points={d.onHand.map((p) => ({ day: p.day, value: p.units }))} label="Units on hand" unit="units" testId="chart-on-hand" />
          )}
        </Tile>

        {d.inventoryValue ? (
          <Tile title="Inventory value" testId="tile-inventory-value" href="/reports" linkText="All reports">
            {/* Drawn from the exact decimals; the figures in words keep them as the API gives them. */}
            <SeriesChart
              points={d.inventoryValue.map((p) => ({ day: p.day, value: Number(p.value) }))}
              label="Value on hand"
              unit=""
              testId="chart-inventory-value"
            />
          </Tile>
        ) : null}

        <Tile title="Stockouts and fill rate" testId="tile-fill-rate" href={alerts("stockout")} linkText="Stockout alerts">
          <div className="flex flex-wrap gap-x-6 gap-y-3">
            <Figure
              label="Fill rate"
              value={d.fillRate.rate === null ? "–" : percent.format(d.fillRate.rate)}
              testId="figure-fill-rate"
              note={`${number.format(d.fillRate.unitsFilled)} of ${number.format(d.fillRate.unitsOrdered)} units shipped complete by the promised date`}
            />
            <Figure
              label="Stockouts"
              value={number.format(d.stockouts.raised)}
              testId="figure-stockouts"
              note={`${number.format(d.stockouts.items)} items ran out in the period; ${number.format(d.stockouts.open)} still out`}
            />
          </div>
          {d.fillRate.orders === 0 ? (
            <TileEmpty>No order was due in this period, so there is no fill rate yet. Choose a longer period, or see the order board.</TileEmpty>
          ) : null}
          <Link href="/orders" className="mt-2 inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
            Order board
          </Link>
        </Tile>

        <Tile title="Top movers" testId="tile-top-movers" href={report("abc-xyz")} linkText="ABC × XYZ report">
          {d.topMovers.length === 0 ? (
            <TileEmpty>Nothing left to customers in this period. Choose a longer period or another site.</TileEmpty>
          ) : (
            <RankedBarChart
              bars={d.topMovers.map((m) => ({ key: m.sku, label: m.sku, title: m.name, value: m.units, href: itemHref(m.sku) }))}
              label="Units issued"
              unit="units"
              testId="chart-top-movers"
            />
          )}
        </Tile>

        <Tile title="Dead stock" testId="tile-dead-stock" href={report("dead-stock")} linkText="Slow and dead stock report">
          <div className="mb-2 flex flex-wrap gap-x-6 gap-y-3">
            <Figure label="Dead" value={number.format(d.deadStock.dead)} testId="figure-dead" note="item × site" />
            <Figure label="Units" value={number.format(d.deadStock.deadUnits)} />
            <Figure label="Slow" value={number.format(d.deadStock.slow)} />
          </div>
          {d.deadStock.top.length === 0 ? (
            <TileEmpty>Everything on hand sold in this period. Choose a longer period or another site to look further back.</TileEmpty>
          ) : (
            <ItemList
              rows={d.deadStock.top.map((r) => ({
                key: `${r.sku}|${r.site}`,
                sku: r.sku,
                name: r.name,
                detail: `${r.site} · ${number.format(r.onHand)} on hand`,
              }))}
              label="Dead stock, most units first"
            />
          )}
        </Tile>

        <Tile title="Shrinkage by reason" testId="tile-shrinkage" href={report("shrinkage")} linkText="Shrinkage report">
          <Figure label="Net units lost" value={number.format(d.shrinkage.netUnits)} testId="figure-shrinkage" />
          {d.shrinkage.byReason.length === 0 ? (
            <TileEmpty>Nothing was lost, scrapped, damaged or counted short in this period. Choose a longer period or another site.</TileEmpty>
          ) : (
            <RankedBarChart
              bars={d.shrinkage.byReason.map((r) => ({ key: r.reason, label: r.reason, title: r.label, value: r.netUnits }))}
              label="Net shrinkage by reason"
              unit="units"
              testId="chart-shrinkage"
              color="#b45309"
            />
          )}
        </Tile>

        <Tile
          title={`Expiring within ${d.expiring.withinDays} days`}
          testId="tile-expiring"
          href={report("expiring")}
          linkText="Expiring stock report"
        >
          <div className="mb-2 flex flex-wrap gap-x-6 gap-y-3">
            <Figure label="Units" value={number.format(d.expiring.units)} testId="figure-expiring-units" />
            <Figure label="Lots" value={number.format(d.expiring.lots)} />
            <Figure
              label={d.expiring.value === null ? "Expired units" : "Value"}
              value={d.expiring.value ?? number.format(d.expiring.expiredUnits)}
            />
          </div>
          {d.expiring.top.length === 0 ? (
            <TileEmpty>
              No lot on hand expires within {d.expiring.withinDays} days of {to}. Nothing to do here.
            </TileEmpty>
          ) : (
            <ItemList
              rows={d.expiring.top.map((r) => ({
                key: `${r.sku}|${r.site}|${r.lot}`,
                sku: r.sku,
                name: r.name,
                detail: `lot ${r.lot} · ${r.expiresOn} · ${number.format(r.onHand)} units`,
              }))}
              label="Expiring lots, soonest first"
            />
          )}
        </Tile>

        <Tile title="ABC × XYZ" testId="tile-abc-xyz" href={report("abc-xyz")} linkText="ABC × XYZ report">
          {d.abcXyz.items === 0 ? (
            <TileEmpty>Nothing left to customers in this period, so nothing to classify. Choose a longer period or another site.</TileEmpty>
          ) : (
            <AbcXyzCells matrix={d.abcXyz} reportHref={report("abc-xyz")} />
          )}
        </Tile>

        <Tile title="Open alerts" testId="tile-alerts" href={alerts()} linkText="All alerts">
          {d.alerts.total === 0 ? (
            <TileEmpty>No open alerts. Low stock, stockouts, expiring lots and overfull bins show here the moment they happen.</TileEmpty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" aria-label="Open alerts by kind">
              {d.alerts.byKind.map((k) => (
                <li key={k.kind}>
                  <Link href={alerts(k.kind)} className="flex min-h-11 items-center justify-between gap-3 hover:underline">
                    <span>{ALERT_KIND_LABELS[k.kind]}</span>
                    <span className="font-semibold tabular-nums">{number.format(k.count)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Tile>
      </div>
    </>
  );
}

/** Items a tile lists, each a link to the item's page. */
function ItemList({ rows, label }: { rows: { key: string; sku: string; name: string; detail: string }[]; label: string }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm" aria-label={label}>
      {rows.map((r) => (
        <li key={r.key}>
          <Link href={itemHref(r.sku)} className="flex min-h-11 flex-col justify-center py-1 hover:underline">
            <span className="truncate">
              <span className="font-mono text-brand-700">{r.sku}</span> <span className="text-slate-600">{r.name}</span>
            </span>
            <span className="text-xs text-slate-500">{r.detail}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
