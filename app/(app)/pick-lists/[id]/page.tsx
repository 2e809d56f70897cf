import { PageHeader } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { getPickList } from "@/lib/picking/get-pick-list";

export const metadata = { title: "Pick list" };

/** The printable pick list: stops in walking order, with a box to tick for each. */
export default async function PickListPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("stock.view");
  const { id } = await params;
  const list = await orNotFound(getPickList(getDb(), actor, id));
  const lineBySeq = new Map(list.lines.map((line) => [line.lineNo, line]));
  return (
    <>
      <PageHeader title={`Pick list ${list.reference}`}>
        <PrintButton />
      </PageHeader>
      <p className="mb-3 text-sm text-slate-600">
        Site {list.site} · {list.status} · {list.lines.length} stops in walking order · created by {list.createdBy}
      </p>
      <table className="w-full border-collapse text-sm" data-testid="pick-stops">
        <thead className="border-b-2 border-slate-300 text-left">
          <tr className="[&>th]:px-2 [&>th]:py-2">
            <th>#</th>
            <th>Bin</th>
            <th>Item</th>
            <th>Lot</th>
            <th className="text-right">Take</th>
            <th className="text-right">Picked</th>
            <th>✓</th>
          </tr>
        </thead>
        <tbody>
          {list.stops.map((stop) => {
            const line = lineBySeq.get(stop.seq);
            return (
              <tr key={stop.seq} className="border-b border-slate-200 [&>td]:px-2 [&>td]:py-3">
                <td className="tabular-nums">{stop.seq}</td>
                <td className="font-mono text-base font-semibold">{stop.location}</td>
                <td>
                  <span className="font-mono">{stop.sku}</span> {line?.name}
                </td>
                <td>{stop.lot ?? ""}</td>
                <td className="text-right text-base font-semibold tabular-nums">{stop.quantity}</td>
                <td className="text-right tabular-nums">{line?.picked ?? 0}</td>
                <td>
                  <span className="inline-block size-5 border border-slate-500" aria-hidden />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
