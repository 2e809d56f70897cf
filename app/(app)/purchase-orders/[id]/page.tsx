import { PurchaseOrderSteps, PurchaseReceiptForm } from "@/components/purchasing/purchase-order-actions";
import { PURCHASE_ORDER_STATUS_TONE, statusLabel } from "@/components/purchasing/purchase-order-status";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { getPurchaseOrder } from "@/lib/purchasing/get-purchase-order";
import { sendChoicesFor } from "@/lib/purchasing/send-purchase-order";

export const metadata = { title: "Purchase order" };

export default async function PurchaseOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("purchasing.view");
  const { id } = await params;
  const db = getDb();
  const order = await orNotFound(getPurchaseOrder(db, actor, id));
  const site = await db.site.findUniqueOrThrow({ where: { code: order.site }, select: { id: true } });
  const manages = can(actor, "purchasing.manage", { siteId: site.id });
  const allowed = {
    approve: order.status === "draft" && manages && (!order.needsAdmin || actor.role === "admin"),
    send: order.status === "approved" && manages,
    cancel: ["draft", "approved", "sent"].includes(order.status) && manages,
    close: ["sent", "partially_received", "received"].includes(order.status) && manages,
  };
  const sendChoices = await sendChoicesFor(db, order.supplier);
  // A received order still takes a manager's over-receipt until closed; the form also keeps the last receipt's outcome.
  const receives = ["sent", "partially_received", "received"].includes(order.status) && can(actor, "stock.move", { siteId: site.id });
  return (
    <>
      <PageHeader title={`${order.number} · ${order.supplierName}`}>
        <Badge tone={PURCHASE_ORDER_STATUS_TONE[order.status]} className="text-sm">
          {statusLabel(order.status)}
        </Badge>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Card title="Lines">
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="purchase-order-lines">
                <thead className="text-left text-slate-600">
                  <tr className="[&>th]:px-2 [&>th]:py-1 [&>th:not(:first-child)]:text-right">
                    <th>Item</th>
                    <th>Ordered</th>
                    <th>Unit cost</th>
                    <th>Amount</th>
                    <th>Received</th>
                    <th>Damaged</th>
                    <th>Outstanding</th>
                    <th>Confirmed</th>
                  </tr>
                </thead>
                <tbody className="tabular-nums">
                  {order.lines.map((l) => (
                    <tr key={l.lineNo} className="border-t border-slate-100 [&>td]:px-2 [&>td:not(:first-child)]:text-right" data-sku={l.sku}>
                      <td className="py-2">
                        <span className="font-mono">{l.sku}</span> <span className="text-slate-600">{l.name}</span>
                      </td>
                      <td>{l.quantity}</td>
                      <td>{l.unitCost}</td>
                      <td>{l.amount}</td>
                      <td>{l.received}</td>
                      <td>{l.damaged}</td>
                      <td>{l.outstanding}</td>
                      <td>{l.confirmedQuantity === null ? "—" : `${l.confirmedQuantity}${l.promisedAt ? ` by ${l.promisedAt}` : ""}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Card>
          <Card title="History">
            <ol className="space-y-2 text-sm" data-testid="purchase-order-history">
              {order.history.map((h, i) => (
                <li key={i}>
                  <b>{h.step}</b> · {new Date(h.at).toLocaleString("en-GB")} · {h.actor}
                  {h.note && <span className="text-slate-600"> · {h.note}</span>}
                </li>
              ))}
            </ol>
          </Card>
          {order.shipments.length > 0 && (
            <Card title="Shipping notices">
              <ul className="space-y-2 text-sm">
                {order.shipments.map((s) => (
                  <li key={s.id}>
                    {s.sscc ? <span className="font-mono">{s.sscc}</span> : "No SSCC"} · shipped {s.shipDate}, expected {s.expectedAt} ·{" "}
                    {s.lines.map((l) => `${l.quantity} ${l.sku}`).join(", ")} · {s.receivedAt ? "received" : "on its way"}
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <div className="space-y-4">
          <Card title="Order">
            <dl className="grid grid-cols-2 gap-1 text-sm">
              <dt className="text-slate-600">Supplier</dt>
              <dd>{order.supplier}</dd>
              <dt className="text-slate-600">Site</dt>
              <dd>{order.site}</dd>
              <dt className="text-slate-600">Total</dt>
              <dd className="tabular-nums">
                {order.total} {order.currency}
              </dd>
              <dt className="text-slate-600">Expected</dt>
              <dd>{order.expectedAt ?? "—"}</dd>
              <dt className="text-slate-600">Approval</dt>
              <dd>{order.needsAdmin ? "an admin (above the limit)" : "a manager"}</dd>
            </dl>
            <div className="mt-3">
              <PurchaseOrderSteps id={order.id} allowed={allowed} send={sendChoices} />
            </div>
            <a
              href={`/api/v1/purchase-orders/${order.id}/order.csv`}
              className="mt-3 inline-flex min-h-11 items-center font-medium text-brand-700"
              data-testid="purchase-order-csv"
            >
              Download CSV for the supplier
            </a>
            <a
              href={`/api/v1/purchase-orders/${order.id}/order.pdf`}
              className="ml-4 mt-3 inline-flex min-h-11 items-center font-medium text-brand-700"
              data-testid="purchase-order-pdf"
            >
              Print PDF
            </a>
          </Card>
          {receives && (
            <Card title={`Receive at ${order.site}`}>
              <PurchaseReceiptForm order={order} />
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
