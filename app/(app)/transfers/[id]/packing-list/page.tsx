import { PrintLabelsButton } from "@/components/labels/print-labels-button";
import { PageHeader } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { getTransfer } from "@/lib/transfers/get-transfer";

export const metadata = { title: "Packing list" };

/** What goes in the truck: each line with the lots and serials the ship step took, and the items' labels. */
export default async function PackingListPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("stock.view");
  const { id } = await params;
  const transfer = await orNotFound(getTransfer(getDb(), actor, id));
  const shipped = transfer.steps.filter((s) => s.step === "shipped").flatMap((s) => s.movements);
  return (
    <>
      <PageHeader title={`Packing list ${transfer.reference ?? transfer.id.slice(0, 8)}`}>
        <div className="flex gap-2 print:hidden">
          <PrintLabelsButton kind="item" refs={[...new Set(transfer.lines.map((l) => l.sku))]} />
          <PrintButton />
        </div>
      </PageHeader>
      <p className="mb-3">
        From <b>{transfer.from}</b> to <b>{transfer.to}</b> · {transfer.status}
      </p>
      {shipped.length === 0 ? (
        <p className="text-slate-600">Not shipped yet: the packing list shows what the ship step takes from the shelves.</p>
      ) : (
        <table className="w-full border-collapse text-sm" data-testid="packing-list">
          <thead className="border-b-2 border-slate-300 text-left">
            <tr className="[&>th]:px-2 [&>th]:py-2">
              <th>Item</th>
              <th>Lot</th>
              <th>Serials</th>
              <th>Taken from</th>
              <th className="text-right">Quantity</th>
            </tr>
          </thead>
          <tbody>
            {shipped.map((m) => (
              <tr key={m.id} className="border-b border-slate-200 [&>td]:px-2 [&>td]:py-2">
                <td className="font-mono">{m.sku}</td>
                <td>{m.lot ?? ""}</td>
                <td>{m.serials.join(", ")}</td>
                <td className="font-mono">{m.from}</td>
                <td className="text-right font-semibold tabular-nums">{m.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
