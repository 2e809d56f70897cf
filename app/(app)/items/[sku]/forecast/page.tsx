import { ApplyReorderPointForm } from "@/components/forecast/apply-reorder-point-form";
import { ForecastChart, type ForecastPoint } from "@/components/forecast/forecast-chart";
import { CorrectPeriodForm, PinMethodForm } from "@/components/forecast/forecast-plan-forms";
import { BackLink } from "@/components/ui/back-link";
import { Card, EmptyState } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import type { DemandPeriod } from "@/lib/forecast/demand-history";
import { forecastItem, type ItemForecast } from "@/lib/forecast/forecast-item";
import { orNotFound } from "@/lib/http/or-not-found";
import { listSites } from "@/lib/sites/list-sites";
import { applyReorderPointAction, planForecastAction } from "./actions";

type Props = { params: Promise<{ sku: string }>; searchParams: Promise<{ site?: string; period?: string }> };

const PERIODS: DemandPeriod[] = ["day", "week", "month"];
const HORIZON: Record<DemandPeriod, number> = { day: 28, week: 12, month: 6 };
const METHOD_NAMES: Record<string, string> = { ses: "SES", theta: "Theta", ets: "ETS", croston: "Croston", sba: "SBA", tsb: "TSB" };

/** A method's name for people: "mean(ses,theta,ets)" reads "average of SES, Theta and ETS". */
function methodName(name: string): string {
  const parts = /^mean\((.*)\)$/.exec(name)?.[1].split(",");
  if (!parts) return METHOD_NAMES[name] ?? name.toUpperCase();
  const named = parts.map(methodName);
  return `average of ${named.slice(0, -1).join(", ")} and ${named[named.length - 1]}`;
}

export async function generateMetadata({ params }: Props) {
  return { title: `Forecast ${(await params).sku}` };
}

/** The label of the period `steps` after `start` (an ISO date). */
function periodAfter(start: string, period: DemandPeriod, steps: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === "day") d.setUTCDate(d.getUTCDate() + steps);
  if (period === "week") d.setUTCDate(d.getUTCDate() + 7 * steps);
  if (period === "month") d.setUTCMonth(d.getUTCMonth() + steps);
  return d.toISOString().slice(0, 10);
}

function chartPoints(f: ItemForecast): ForecastPoint[] {
  const past: ForecastPoint[] = f.history.map((b) => ({ label: b.start, demand: b.stockout ? null : b.demand, stockout: b.stockout }));
  const last = f.history[f.history.length - 1]?.start;
  const future: ForecastPoint[] = f.forecast.map((value, i) => ({
    label: periodAfter(last, f.period, i + 1),
    forecast: value,
    band80: [f.lower["80"]?.[i] ?? value, f.upper["80"]?.[i] ?? value],
    band95: [f.lower["95"]?.[i] ?? value, f.upper["95"]?.[i] ?? value],
  }));
  return [...past, ...future];
}

const round = (value: number) => (Math.round(value * 100) / 100).toLocaleString("en");

export default async function ItemForecastPage({ params, searchParams }: Props) {
  const actor = await requirePageActor("stock.view");
  const { sku } = await params;
  const query = await searchParams;
  const db = getDb();
  const sites = await listSites(db, actor);
  const site = query.site ?? sites[0]?.code ?? "";
  const period = PERIODS.includes(query.period as DemandPeriod) ? (query.period as DemandPeriod) : "week";
  const f = await orNotFound(forecastItem(db, actor, { sku: decodeURIComponent(sku), site, period, horizon: HORIZON[period] }));
  const stockouts = f.history.filter((b) => b.stockout).length;
  const winner = f.holdout[0];

  return (
    <>
      <header className="mb-4">
        <BackLink href={`/items/${encodeURIComponent(f.sku)}`}>{f.sku}</BackLink>
        <h1 className="text-2xl font-bold tracking-tight">Demand forecast</h1>
        <form className="mt-3 flex flex-wrap items-end gap-2">
          <label className="text-sm">
            Site
            <select name="site" defaultValue={f.site} className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-3">
              {sites.map((s) => (
                <option key={s.code}>{s.code}</option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Per
            <select name="period" defaultValue={period} className="mt-1 block min-h-11 rounded-lg border border-slate-300 bg-white px-3">
              {PERIODS.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </label>
          <button className="min-h-11 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100">Show</button>
        </form>
      </header>

      {f.method === "none" ? (
        <Card>
          <EmptyState title="Not enough history to forecast">
            {f.sku} has sold in fewer than three {period}s at {f.site}. Try a shorter period, or another site.
          </EmptyState>
        </Card>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <div className="min-w-0 space-y-4">
            <Card title={`Demand per ${period} at ${f.site}, and the next ${f.forecast.length}`}>
              <ForecastChart
                points={chartPoints(f)}
                summary={`Forecast of ${f.sku} at ${f.site}: ${f.forecast.map((v) => round(v)).join(", ")} per ${period}`}
              />
              <p className="mt-2 text-sm text-slate-600">
                Solid: what left to customers. Dashed: the forecast, in its 80% and 95% intervals.
                {stockouts > 0 ? ` ${stockouts} ${period}s out of stock are left out (gaps), not read as no demand.` : ""}
              </p>
            </Card>
            <Card title="Why this method">
              <p className="text-sm" data-testid="forecast-why">
                The history is <strong>{f.class}</strong>. <strong>{methodName(f.method)}</strong> had the smallest errors when each method forecast
                the last {period}s of the history from the {period}s before them.
              </p>
              <table className="mt-3 w-full text-sm" data-testid="holdout-table">
                <thead className="text-left text-slate-500">
                  <tr>
                    <th className="py-1 font-medium">method</th>
                    <th className="py-1 text-right font-medium">mean abs. error</th>
                    <th className="py-1 text-right font-medium">RMSE</th>
                  </tr>
                </thead>
                <tbody>
                  {f.holdout.map((h) => (
                    <tr key={h.name} className={h === winner ? "font-semibold text-brand-900" : ""}>
                      <td className="py-1">
                        {methodName(h.name)}
                        {h === winner ? " ✓" : ""}
                      </td>
                      <td className="py-1 text-right tabular-nums">{round(h.mae)}</td>
                      <td className="py-1 text-right tabular-nums">{round(h.rmse)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {winner ? (
                <p className="mt-2 text-sm text-slate-600">
                  On the last holdout it was off by {round(winner.mae)} units per {period} on average.
                </p>
              ) : null}
            </Card>
          </div>
          <aside className="space-y-4">
            {f.reorder ? (
              <Card title="Reorder point">
                <dl className="grid grid-cols-2 gap-y-1 text-sm">
                  <dt className="text-slate-600">Suggested</dt>
                  <dd className="text-right text-2xl font-bold tabular-nums" data-testid="suggested-reorder-point">
                    {f.reorder.reorderPoint}
                  </dd>
                  <dt className="text-slate-600">In force</dt>
                  <dd className="text-right tabular-nums" data-testid="current-reorder-point">
                    {f.reorder.current ?? "none"}
                  </dd>
                </dl>
                <p className="mt-2 text-sm text-slate-600">
                  {round(f.reorder.demandOverLeadTime)} expected over the {f.reorder.leadTimeDays}-day lead time
                  {f.reorder.leadTimeFrom === "default" ? " (no supplier states one)" : ""}, plus {round(f.reorder.safetyStock)} safety stock for a{" "}
                  {Math.round(f.reorder.serviceLevel * 100)}% chance of not running out (class {f.reorder.abcClass}).
                </p>
                {can(actor, "thresholds.manage") ? (
                  <ApplyReorderPointForm
                    action={applyReorderPointAction}
                    sku={f.sku}
                    site={f.site}
                    suggested={f.reorder.reorderPoint}
                    safetyStock={f.reorder.safetyStock}
                  />
                ) : null}
              </Card>
            ) : null}
            {can(actor, "catalog.manage") ? (
              <Card title="Planner's say">
                <PinMethodForm
                  action={planForecastAction}
                  sku={f.sku}
                  site={f.site}
                  period={f.period}
                  pinned={f.pinnedMethod}
                  methods={f.holdout.map((h) => ({ name: h.name, label: methodName(h.name) }))}
                />
                <hr className="my-4 border-slate-200" />
                <CorrectPeriodForm action={planForecastAction} sku={f.sku} site={f.site} period={f.period} periods={f.history.map((b) => b.start)} />
                {f.history.some((b) => b.note) ? (
                  <ul className="mt-3 space-y-1 text-sm text-slate-600" data-testid="corrections">
                    {f.history
                      .filter((b) => b.note)
                      .map((b) => (
                        <li key={b.start}>
                          {b.start}: {b.demand} instead of {b.recorded} — {b.note}
                        </li>
                      ))}
                  </ul>
                ) : null}
              </Card>
            ) : null}
          </aside>
        </div>
      )}
    </>
  );
}
