// The tiles of the manager's dashboard (app/(app)/dashboard/page.tsx), one component each: the numbers come from
// lib/dashboard/manager-dashboard.ts; each tile links to the report behind it and, where it lists items, to them.
import Link from "next/link";
import { ALERT_KIND_LABELS } from "@/lib/alerts/alert-kinds";
import type { ManagerDashboard } from "@/lib/dashboard/schemas";
import { AbcXyzCells } from "./abc-xyz-cells";
import { RankedBarChart } from "./ranked-bar-chart";
import { SeriesChart } from "./series-chart";
import { Figure, Tile, TileEmpty } from "./tile";

/** Where a tile drills to, with the dashboard's filters. */
export type DashboardLinks = { report: (name: string) => string; alerts: (kind?: string) => string };
type TileProps = { d: ManagerDashboard; links: DashboardLinks };

const number = new Intl.NumberFormat("en");
const decimal = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
/** An exact 4-place decimal shown to 2 places with thousands separators, rounded on its digits (half away from zero). */
function money(amount: string): string {
  const negative = amount.startsWith("-");
  const [whole, fraction = ""] = amount.replace(/^-/, "").split(".");
  const digits = fraction.padEnd(4, "0");
  const cents = BigInt(whole) * 100n + BigInt(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1n : 0n);
  const text = `${number.format(cents / 100n)}.${(cents % 100n).toString().padStart(2, "0")}`;
  return negative && cents !== 0n ? `-${text}` : text;
}
const itemHref = (sku: string) => `/items/${encodeURIComponent(sku)}`;

/** Turns and days of inventory, in units, over the units on hand day by day. */
export function TurnoverTile({ d, links }: TileProps) {
  return (
    <Tile title="Turns and days of inventory" testId="tile-turnover" href={links.report("abc-xyz")} linkText="Units issued, item by item">
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
        <Figure
          label="Turns in value"
          value={d.turnover.valueTurns === null ? "–" : decimal.format(d.turnover.valueTurns)}
          testId="figure-value-turns"
          note="Cost of goods sold ÷ average value"
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
  );
}

/** The value on hand day by day, with its last day's and average figures (exact decimals, as the API answers them). */
export function InventoryValueTile({ d, links }: TileProps) {
  if (!d.inventoryValue) return null;
  const last = d.inventoryValue.at(-1);
  return (
    <Tile title="Inventory value" testId="tile-inventory-value" href={links.report("valuation")} linkText="Valuation, item by item">
      <div className="mb-3 flex flex-wrap gap-x-6 gap-y-3">
        <Figure label={`Value at the end of ${d.filters.to}`} value={money(last?.value ?? "0")} testId="figure-inventory-value" />
        <Figure label="Average value" value={money(d.turnover.averageValue)} note="Mean of the day-end values" />
        <Figure label="Cost of goods sold" value={money(d.turnover.cogs)} />
      </div>
      {/* The chart is a picture; the exact decimals are the figures above and the API's answer. */}
      <SeriesChart
        points={d.inventoryValue.map((p) => ({ day: p.day, value: Number(p.value) }))}
        label="Value on hand"
        unit=""
        testId="chart-inventory-value"
      />
    </Tile>
  );
}

/** The unit fill rate of the orders due in the period, and the stockouts raised in it. */
export function FillRateTile({ d, links }: TileProps) {
  return (
    <Tile title="Stockouts and fill rate" testId="tile-fill-rate" href={links.alerts("stockout")} linkText="Stockout alerts">
      <div className="flex flex-wrap gap-x-6 gap-y-3">
        <Figure
          label="Fill rate"
          value={d.fillRate.rate === null ? "–" : percent.format(d.fillRate.rate)}
          testId="figure-fill-rate"
          note={`${number.format(d.fillRate.unitsFilled)} of ${number.format(d.fillRate.unitsOrdered)} units shipped by the promised date`}
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
  );
}

/** The items most issued to customers, each bar a link to its item. */
export function TopMoversTile({ d, links }: TileProps) {
  return (
    <Tile title="Top movers" testId="tile-top-movers" href={links.report("abc-xyz")} linkText="ABC × XYZ report">
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
  );
}

/** Stock nothing left to customers in the period, most units first. */
export function DeadStockTile({ d, links }: TileProps) {
  return (
    <Tile title="Dead stock" testId="tile-dead-stock" href={links.report("dead-stock")} linkText="Slow and dead stock report">
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
  );
}

/** Net units lost per reason. */
export function ShrinkageTile({ d, links }: TileProps) {
  return (
    <Tile title="Shrinkage by reason" testId="tile-shrinkage" href={links.report("shrinkage")} linkText="Shrinkage report">
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
  );
}

/** Lots on hand expiring soon (or expired), soonest first. */
export function ExpiringTile({ d, links }: TileProps) {
  return (
    <Tile
      title={`Expiring within ${d.expiring.withinDays} days`}
      testId="tile-expiring"
      href={links.report("expiring")}
      linkText="Expiring stock report"
    >
      <div className="mb-2 flex flex-wrap gap-x-6 gap-y-3">
        <Figure label="Units" value={number.format(d.expiring.units)} testId="figure-expiring-units" />
        <Figure label="Lots" value={number.format(d.expiring.lots)} />
        <Figure
          label={d.expiring.value === null ? "Expired units" : "Value"}
          value={d.expiring.value === null ? number.format(d.expiring.expiredUnits) : money(d.expiring.value)}
        />
      </div>
      {d.expiring.top.length === 0 ? (
        <TileEmpty>
          No lot on hand expires within {d.expiring.withinDays} days of {d.filters.to}. Nothing to do here.
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
  );
}

/** Items per ABC × XYZ cell. */
export function AbcXyzTile({ d, links }: TileProps) {
  return (
    <Tile title="ABC × XYZ" testId="tile-abc-xyz" href={links.report("abc-xyz")} linkText="ABC × XYZ report">
      {d.abcXyz.items === 0 ? (
        <TileEmpty>Nothing left to customers in this period, so nothing to classify. Choose a longer period or another site.</TileEmpty>
      ) : (
        <AbcXyzCells matrix={d.abcXyz} reportHref={links.report("abc-xyz")} />
      )}
    </Tile>
  );
}

/** Active alerts by kind, each a link to the alerts of that kind. */
export function AlertsTile({ d, links }: TileProps) {
  return (
    <Tile title="Open alerts" testId="tile-alerts" href={links.alerts()} linkText="All alerts">
      {d.alerts.total === 0 ? (
        <TileEmpty>No open alerts. Low stock, stockouts, expiring lots and overfull bins show here the moment they happen.</TileEmpty>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Open alerts by kind">
          {d.alerts.byKind.map((k) => (
            <li key={k.kind}>
              <Link href={links.alerts(k.kind)} className="flex min-h-11 items-center justify-between gap-3 hover:underline">
                <span>{ALERT_KIND_LABELS[k.kind]}</span>
                <span className="font-semibold tabular-nums">{number.format(k.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Tile>
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
