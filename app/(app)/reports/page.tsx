import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { reportsFor } from "@/lib/reports/registry";

export const metadata = { title: "Reports" };

export default async function ReportsPage() {
  const actor = await requirePageActor("reports.view");
  const reports = reportsFor(actor);
  return (
    <>
      <PageHeader title="Reports" />
      <Card>
        {reports.length === 0 ? (
          <EmptyState title="No reports for your role">Ask an admin for a role that may see reports.</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="report-list">
            {reports.map((r) => (
              <li key={r.name}>
                <Link href={`/reports/${r.name}`} className="block min-h-14 py-3 hover:bg-slate-50">
                  <span className="font-medium text-brand-700">{r.title}</span>
                  <span className="block text-sm text-slate-600">{r.description}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
