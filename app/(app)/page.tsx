import { ActivityChart } from "@/components/dashboard/activity-chart";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import Link from "next/link";
import { describeAlert } from "@/lib/alerts/describe-alert";
import { countActiveAlerts, listAlerts } from "@/lib/alerts/list-alerts";
import { ALERT_KIND_LABELS, ALERT_KINDS } from "@/lib/alerts/schemas";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getDb } from "@/lib/db/client";

export const metadata = { title: "Dashboard" };

const number = new Intl.NumberFormat("en");
const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-5">
      <p className="text-xs text-slate-500 sm:text-sm">{label}</p>
      <p className="mt-1 text-xl font-bold tabular-nums sm:text-3xl" data-testid={testId}>
        {number.format(value)}
      </p>
    </section>
  );
}

export default async function DashboardPage() {
  const actor = await requirePageActor("dashboard.view");
  const mayViewStock = can(actor, "stock.view");
  const [dashboard, alertCounts, newestAlerts] = await Promise.all([
    getDashboard(getDb(), actor),
    mayViewStock ? countActiveAlerts(getDb(), actor) : null,
    mayViewStock ? listAlerts(getDb(), actor, { state: "open", limit: 5 }) : null,
  ]);
  return (
    <>
      <PageHeader title="Dashboard" />
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        <Stat label="Active items" value={dashboard.items} testId="count-items" />
        <Stat label="Locations" value={dashboard.locations} testId="count-locations" />
        <Stat label="Units in stock" value={dashboard.stockUnits} testId="count-units" />
      </div>
      {alertCounts && newestAlerts ? (
        <Card title="Needs attention" className="mt-4">
          {alertCounts.total === 0 ? (
            <EmptyState title="No alerts">Low stock, stockouts, expiring lots and overfull bins show here the moment they happen.</EmptyState>
          ) : (
            <div data-testid="dashboard-alerts">
              <ul className="flex flex-wrap gap-2">
                {ALERT_KINDS.filter((kind) => alertCounts.byKind[kind]).map((kind) => (
                  <li key={kind}>
                    <Link
                      href={`/alerts?kind=${kind}`}
                      className="inline-flex min-h-11 items-center gap-2 rounded-full border border-slate-300 px-4 text-sm font-medium hover:bg-slate-50"
                    >
                      {ALERT_KIND_LABELS[kind]} <span className="tabular-nums font-bold">{alertCounts.byKind[kind]}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <ul className="mt-3 divide-y divide-slate-100 text-sm">
                {newestAlerts.data.map((alert) => (
                  <li key={alert.id} className="py-2">
                    <span className="font-semibold">{ALERT_KIND_LABELS[alert.kind]}</span>{" "}
                    {alert.sku ? <span className="font-mono">{alert.sku}</span> : null} <span className="text-slate-500">{alert.site}</span> —{" "}
                    {describeAlert(alert)}
                  </li>
                ))}
              </ul>
              <Link href="/alerts" className="mt-2 inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                All alerts
              </Link>
            </div>
          )}
        </Card>
      ) : null}
      <Card title="Movements per day" className="mt-4">
        <ActivityChart days={dashboard.activity} />
      </Card>
      <Card title="Recent movements" className="mt-4">
        {dashboard.recentMovements.length === 0 ? (
          <EmptyState title="No stock has moved yet">Receipts, moves and counts will show here as they are posted.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="recent-movements">
            {dashboard.recentMovements.map((m) => (
              <li key={m.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium">
                    {m.itemName} <span className="font-mono text-sm text-slate-500">{m.sku}</span>
                  </p>
                  <p className="text-sm text-slate-600">
                    {m.kind} · {m.from} → {m.to} · {m.reason} · {m.actor}
                  </p>
                </div>
                <div className="text-right">
                  <p className="font-semibold tabular-nums">{number.format(m.quantity)}</p>
                  <p className="text-xs text-slate-500">{time.format(m.at)}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
