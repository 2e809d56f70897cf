import Link from "next/link";
import { ReceiveForm, TransferSteps } from "@/components/transfers/transfer-actions";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { listSites } from "@/lib/sites/list-sites";
import { getTransfer } from "@/lib/transfers/get-transfer";
import { TRANSFER_STATUS_TONE as STATUS_TONE } from "@/components/transfers/transfer-status";

export const metadata = { title: "Transfer" };

export default async function TransferPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("stock.view");
  const { id } = await params;
  const transfer = await orNotFound(getTransfer(getDb(), actor, id));
  const sites = new Map((await listSites(getDb(), actor)).map((s) => [s.code, s.id]));
  const at = (code: string, permission: "stock.move" | "stock.approve") => sites.has(code) && can(actor, permission, { siteId: sites.get(code) });
  const isOpen = transfer.status === "draft" || transfer.status === "approved";
  const allowed = {
    approve: transfer.status === "draft" && transfer.needsApproval && at(transfer.from, "stock.approve"),
    ship: isOpen && at(transfer.from, "stock.move") && (transfer.status === "approved" || !transfer.needsApproval),
    cancel: isOpen && at(transfer.from, "stock.move"),
    receive: ["shipped", "receiving", "closed"].includes(transfer.status) && at(transfer.to, "stock.move"),
  };
  return (
    <>
      <PageHeader title={`Transfer ${transfer.from} → ${transfer.to}`}>
        <Badge tone={STATUS_TONE[transfer.status]} className="text-sm">
          {transfer.status}
        </Badge>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Card title="Lines">
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="transfer-lines">
                <thead className="text-left text-slate-600">
                  <tr className="[&>th]:px-2 [&>th]:py-1 [&>th:not(:first-child)]:text-right">
                    <th>Item</th>
                    <th>Ordered</th>
                    <th>Shipped</th>
                    <th>In transit</th>
                    <th>Received</th>
                    <th>Damaged</th>
                    <th>Short</th>
                    <th>Over</th>
                    <th title="Units set aside at the source site until the transfer ships or is cancelled">Held</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {transfer.lines.map((l) => (
                    <tr key={l.lineNo} className="border-t border-slate-100 [&>td]:px-2 [&>td:not(:first-child)]:text-right" data-sku={l.sku}>
                      <td className="py-2">
                        <span className="font-mono">{l.sku}</span> <span className="text-slate-600">{l.name}</span>
                        {l.lot && <> · lot {l.lot}</>}
                      </td>
                      <td>{l.quantity}</td>
                      <td>{l.shipped}</td>
                      <td>{l.inTransit}</td>
                      <td>{l.received}</td>
                      <td>{l.damaged}</td>
                      <td>{l.short}</td>
                      <td>{l.over}</td>
                      <td>{l.held}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {transfer.discrepancies.length > 0 && (
              <p className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="discrepancies">
                Discrepancies: {transfer.discrepancies.map((d) => `${d.quantity} ${d.kind} (${d.sku})`).join(" · ")}
              </p>
            )}
          </Card>
          <Card title="History">
            <ol className="space-y-3 text-sm" data-testid="transfer-steps">
              {transfer.steps.map((step, i) => (
                <li key={i}>
                  <p>
                    <b>{step.step}</b> · {new Date(step.at).toLocaleString("en-GB")} · {step.actor}
                  </p>
                  {step.movements.length > 0 && (
                    <ul className="ml-4 list-disc text-slate-600">
                      {step.movements.map((m) => (
                        <li key={m.id}>
                          {m.quantity} {m.sku}
                          {m.lot ? ` lot ${m.lot}` : ""}: {m.from} → {m.to} ({m.reason})
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Order">
            <dl className="grid grid-cols-2 gap-1 text-sm">
              <dt className="text-slate-600">Reference</dt>
              <dd>{transfer.reference ?? "—"}</dd>
              <dt className="text-slate-600">Value</dt>
              <dd>{transfer.value ? `${Number(transfer.value).toFixed(2)} ${transfer.currency ?? ""}` : "not costed"}</dd>
              <dt className="text-slate-600">Approval</dt>
              <dd>{transfer.needsApproval ? "needed (above the limit)" : "not needed"}</dd>
              <dt className="text-slate-600">Created</dt>
              <dd>{transfer.createdBy}</dd>
            </dl>
            <div className="mt-3">
              <TransferSteps id={transfer.id} allowed={allowed} />
            </div>
            {transfer.steps.some((s) => s.step === "shipped") && (
              <Link href={`/transfers/${transfer.id}/packing-list`} className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700">
                Packing list and labels
              </Link>
            )}
          </Card>
          {allowed.receive && (
            <Card title={`Receive at ${transfer.to}`}>
              <ReceiveForm transfer={transfer} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
