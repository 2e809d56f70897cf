import { forbidden } from "next/navigation";
import {
  AbcXyzTile,
  AlertsTile,
  DeadStockTile,
  ExpiringTile,
  FillRateTile,
  InventoryValueTile,
  ShrinkageTile,
  TopMoversTile,
  TurnoverTile,
  type DashboardLinks,
} from "@/components/dashboard/dashboard-tiles";
import { ReportFilters } from "@/components/reports/report-filters";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getManagerDashboard } from "@/lib/dashboard/manager-dashboard";
import type { ManagerDashboard } from "@/lib/dashboard/schemas";
import { getDb } from "@/lib/db/client";
import { Forbidden, ValidationFailed, type FieldIssue } from "@/lib/domain-error";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Analytics" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

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
  const links: DashboardLinks = {
    report: (name) => `/reports/${name}?${period}`,
    alerts: (kind) => `/alerts?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(site ? { site } : {}) })}`,
  };
  return (
    <>
      <p className="mb-3 text-sm text-slate-600" aria-live="polite" data-testid="dashboard-scope">
        {from} to {to} · {d.days} days · {site ?? "all your sites"}
      </p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
        <TurnoverTile d={d} links={links} />
        <InventoryValueTile d={d} links={links} />
        <FillRateTile d={d} links={links} />
        <TopMoversTile d={d} links={links} />
        <DeadStockTile d={d} links={links} />
        <ShrinkageTile d={d} links={links} />
        <ExpiringTile d={d} links={links} />
        <AbcXyzTile d={d} links={links} />
        <AlertsTile d={d} links={links} />
      </div>
    </>
  );
}
