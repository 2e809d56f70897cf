import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { listAudit } from "@/lib/audit/list-audit";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";

export const metadata = { title: "Audit log" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

function changeSummary(before: unknown, after: unknown) {
  if (!after && !before) return null;
  return JSON.stringify(after ?? before);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ action?: string; actor?: string; before?: string }> }) {
  const actor = await requirePageActor("audit.view");
  const query = await searchParams;
  const before = /^\d+$/.test(query.before ?? "") ? BigInt(query.before!) : undefined;
  const page = await listAudit(getDb(), actor, { action: query.action || undefined, actor: query.actor || undefined, before });
  const filters = new URLSearchParams({ ...(query.action ? { action: query.action } : {}), ...(query.actor ? { actor: query.actor } : {}) });
  return (
    <>
      <PageHeader title="Audit log" />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm">
          Action starts with
          <input
            name="action"
            defaultValue={query.action}
            placeholder="auth."
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3"
          />
        </label>
        <label className="text-sm">
          Who
          <input
            name="actor"
            defaultValue={query.actor}
            placeholder="e-mail or key"
            className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3"
          />
        </label>
        <button className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white">Filter</button>
      </form>
      <Card>
        {page.entries.length === 0 ? (
          <EmptyState title="No entries match">Clear the filters to see everything.</EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="audit-list">
            {page.entries.map((entry) => (
              <li key={entry.id.toString()} className="py-3 text-sm">
                <div className="flex flex-wrap justify-between gap-2">
                  <p>
                    <span className="font-mono font-semibold" data-testid="audit-action">
                      {entry.action}
                    </span>{" "}
                    <span className="text-slate-700">{entry.actorLabel}</span>
                    {entry.ip ? <span className="text-slate-500"> · {entry.ip}</span> : null}
                  </p>
                  <time className="text-slate-500" dateTime={entry.at.toISOString()}>
                    {time.format(entry.at)}
                  </time>
                </div>
                {changeSummary(entry.before, entry.after) ? (
                  <p className="mt-1 truncate font-mono text-xs text-slate-500" title={changeSummary(entry.before, entry.after)!}>
                    {entry.before ? "before → after: " : ""}
                    {changeSummary(entry.before, entry.after)}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {page.nextBefore ? (
          <Link
            href={`/admin/audit?${new URLSearchParams({ ...Object.fromEntries(filters), before: page.nextBefore.toString() })}`}
            className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700"
          >
            Older entries →
          </Link>
        ) : null}
      </Card>
    </>
  );
}
