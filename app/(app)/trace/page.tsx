import Link from "next/link";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { traceStock } from "@/lib/ledger/trace";

export const metadata = { title: "Trace" };

const time = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export default async function TracePage({ searchParams }: { searchParams: Promise<{ lot?: string; serial?: string; sku?: string }> }) {
  const actor = await requirePageActor("stock.view");
  const query = await searchParams;
  const asked = Boolean(query.lot || query.serial);
  const result = asked
    ? await traceStock(getDb(), actor, {
        lot: query.lot || undefined,
        serial: query.lot ? undefined : query.serial || undefined,
        sku: query.sku || undefined,
      })
    : null;
  return (
    <>
      <PageHeader title="Trace a lot or serial" />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-sm">
          Lot
          <input name="lot" defaultValue={query.lot} className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3" />
        </label>
        <label className="text-sm">
          or serial
          <input name="serial" defaultValue={query.serial} className="mt-1 block min-h-11 rounded-lg border border-slate-300 px-3" />
        </label>
        {query.sku ? <input type="hidden" name="sku" value={query.sku} /> : null}
        <button className="min-h-11 rounded-lg bg-brand-700 px-4 font-medium text-white">Trace</button>
      </form>
      {!result ? (
        <EmptyState title="Who got lot X?">Enter a lot or serial number to see where it came from and everywhere it went.</EmptyState>
      ) : result.data.length === 0 ? (
        <EmptyState title="Nothing found">No lot or serial with that number at your sites.</EmptyState>
      ) : (
        result.data.map((subject) => (
          <Card
            key={`${subject.sku}-${subject.code}`}
            title={`${subject.kind === "lot" ? "Lot" : "Serial"} ${subject.code} · ${subject.name}`}
            className="mb-4"
          >
            <p className="text-sm text-slate-600">
              <Link href={`/items/${encodeURIComponent(subject.sku)}`} className="font-mono text-brand-700">
                {subject.sku}
              </Link>
              {subject.expiresOn ? ` · expires ${subject.expiresOn}` : ""}
            </p>
            <ol className="mt-3 border-l-2 border-brand-100 pl-4" data-testid="trace-timeline">
              {subject.movements.map((m) => (
                <li key={m.id} className="relative pb-3 text-sm">
                  <span className="absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full bg-brand-600" aria-hidden />
                  <p className="font-medium">
                    {m.kind} · {m.quantity} · {m.from} → {m.to}
                  </p>
                  <p className="text-slate-600">
                    {time.format(new Date(m.at))} · {m.actor}
                    {m.reference ? ` · ref ${m.reference}` : ""}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        ))
      )}
    </>
  );
}
