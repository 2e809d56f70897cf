import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { PipelineStatusLine } from "@/components/events/pipeline-status-line";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getEventPipelineStatus } from "@/lib/events/pipeline-status";
import { listRecentEvents } from "@/lib/events/list-recent-events";

export const metadata = { title: "Events" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium" });

/** A stock change in the warehouse's words; other events show their data as it was sent. */
function summaryOf(event: { type: string; data: unknown }): string {
  if (event.type !== "stock.changed") return JSON.stringify(event.data);
  const d = event.data as { location: string; lot: string | null; onHand: number; reserved: number; available: number };
  return `${d.location}${d.lot ? ` lot ${d.lot}` : ""}: on hand ${d.onHand} · reserved ${d.reserved} · available ${d.available}`;
}

type Search = { type?: string; site?: string; sku?: string; before?: string };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("audit.view");
  const query = await searchParams;
  const before = /^\d{1,18}$/.test(query.before ?? "") ? BigInt(query.before!) : undefined;
  const filter = { type: query.type?.trim() || undefined, site: query.site?.trim() || undefined, sku: query.sku?.trim() || undefined };
  const [page, status] = await Promise.all([listRecentEvents(getDb(), actor, { ...filter, before }), getEventPipelineStatus(getDb(), actor)]);
  const filters = Object.fromEntries(Object.entries(filter).filter(([, value]) => value)) as Record<string, string>;
  return (
    <>
      <PageHeader title="Events" />
      <PipelineStatusLine status={status} />
      <form className="mb-4 flex flex-wrap items-end gap-2" role="search">
        {(
          [
            ["type", "Type", "stock.changed or order.*"],
            ["site", "Site", "WH1"],
            ["sku", "SKU", "SKU-1"],
          ] as const
        ).map(([name, label, placeholder]) => (
          <label key={name} className="text-sm">
            {label}
            <input
              name={name}
              defaultValue={query[name]}
              placeholder={placeholder}
              className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3"
            />
          </label>
        ))}
        <button className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white">Filter</button>
      </form>
      <Card>
        {page.events.length === 0 ? (
          <EmptyState title="No events match">
            Events appear here as stock moves and orders change. Clear the filters, or post a movement to see one.
          </EmptyState>
        ) : (
          <ol className="divide-y divide-slate-100" data-testid="event-list">
            {page.events.map((event) => (
              <li key={event.id} className="py-3 text-sm">
                <div className="flex flex-wrap justify-between gap-2">
                  <p>
                    <span className="font-mono font-semibold" data-testid="event-type">
                      {event.type}
                    </span>{" "}
                    <span className="text-slate-700">
                      {event.subject} #{event.sequence}
                    </span>
                    {event.site ? <span className="text-slate-500"> · {event.site}</span> : null}
                  </p>
                  <time className="text-slate-500" dateTime={event.occurredAt}>
                    {time.format(new Date(event.occurredAt))}
                  </time>
                </div>
                <p className="mt-1 truncate font-mono text-xs text-slate-500" title={JSON.stringify(event.data)} data-testid="event-summary">
                  {summaryOf(event)}
                </p>
              </li>
            ))}
          </ol>
        )}
        {page.nextBefore ? (
          <Link
            href={`/admin/events?${new URLSearchParams({ ...filters, before: page.nextBefore.toString() })}`}
            className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700"
          >
            Older events →
          </Link>
        ) : null}
      </Card>
    </>
  );
}
