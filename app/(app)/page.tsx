import { ActivityChart } from "@/components/dashboard/activity-chart";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
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
  const dashboard = await getDashboard(getDb(), actor);
  return (
    <>
      <PageHeader title="Dashboard" />
      <div className="grid grid-cols-3 gap-2 sm:gap-3">
        <Stat label="Active items" value={dashboard.items} testId="count-items" />
        <Stat label="Locations" value={dashboard.locations} testId="count-locations" />
        <Stat label="Units in stock" value={dashboard.stockUnits} testId="count-units" />
      </div>
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
