import { LiveOrders } from "@/components/orders/live-orders";
import { OnTimeChart, type OnTimeBar } from "@/components/orders/on-time-chart";
import { OrderBoard } from "@/components/orders/order-board";
import { Card, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listOrderBoard } from "@/lib/orders/list-order-board";
import { orderBoardQuery } from "@/lib/orders/order-board-query";
import { measureOnTime } from "@/lib/orders/measure-on-time";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Orders" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The sites' figures of each week added up: the chart shows the weeks of every site in view, or of the chosen one. */
function byWeek(rows: { week: string; weekStart: string; due: number; onTime: number }[]): OnTimeBar[] {
  const weeks = new Map<string, OnTimeBar>();
  for (const row of rows) {
    const week = weeks.get(row.week) ?? { week: row.week, weekStart: row.weekStart, due: 0, onTime: 0 };
    weeks.set(row.week, { ...week, due: week.due + row.due, onTime: week.onTime + row.onTime });
  }
  return [...weeks.values()];
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePageActor("stock.view");
  // A parameter given twice counts once, by its first value; values that do not fit fall back to defaults.
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const query = orderBoardQuery.parse(raw);
  const db = getDb();
  const [board, onTime, sites] = await Promise.all([
    listOrderBoard(db, actor, query),
    measureOnTime(db, actor, { site: query.site }),
    listSites(db, actor),
  ]);
  const weeks = byWeek(onTime.data);
  const due = weeks.reduce((sum, w) => sum + w.due, 0);
  const shippedOnTime = weeks.reduce((sum, w) => sum + w.onTime, 0);
  return (
    <>
      <PageHeader title="Orders" />
      <LiveOrders />
      <OrderBoard
        board={board}
        query={query}
        sites={sites.map((s) => ({ code: s.code, name: s.name }))}
        timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      />
      <Card title="Shipped on time, per week" className="mt-6">
        {due > 0 ? (
          <p className="-mt-2 mb-2 text-sm text-slate-600" data-testid="on-time-share">
            {Math.round((shippedOnTime / due) * 100)}% of {due} orders due since {onTime.from} left by their promised date
          </p>
        ) : null}
        {due === 0 ? (
          <p className="text-sm text-slate-600">
            No order with a promised ship date has come due since {onTime.from}. Orders sent with <code>promisedShipDate</code> are counted here in
            the week they are due.
          </p>
        ) : (
          <OnTimeChart weeks={weeks} />
        )}
      </Card>
    </>
  );
}
