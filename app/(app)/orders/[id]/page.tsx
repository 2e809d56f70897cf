import { FulfilmentStep } from "@/components/orders/fulfilment-step";
import { LiveOrders } from "@/components/orders/live-orders";
import { CancelForm, ReturnForm, ShipForm } from "@/components/orders/order-actions";
import { OrderMovements } from "@/components/orders/order-movements";
import { ORDER_STATUS_TONE } from "@/components/orders/order-status";
import { BackLink } from "@/components/ui/back-link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { getOrder } from "@/lib/orders/list-orders";
import { listOrderMovements } from "@/lib/orders/list-order-movements";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Order" };

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const QUANTITIES = [
  ["quantity", "Ordered"],
  ["allocated", "Allocated"],
  ["backordered", "Backordered"],
  ["picked", "Picked"],
  ["packed", "Packed"],
  ["shipped", "Shipped"],
  ["returned", "Returned"],
] as const;

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("stock.view");
  const { id } = await params;
  const db = getDb();
  const order = await orNotFound(getOrder(db, actor, id));
  const [movements, sites] = await Promise.all([listOrderMovements(db, actor, order), listSites(db, actor)]);
  // What this person may do here; every action checks role, site and status again.
  const siteId = sites.find((s) => s.code === order.site)?.id;
  const mayMove = siteId !== undefined && can(actor, "stock.move", { siteId });
  const isOpen = order.status !== "shipped" && order.status !== "cancelled";
  const backordered = order.lines.reduce((sum, l) => sum + l.backordered, 0);
  const allowed = {
    ship: mayMove && ["allocated", "picked", "packed"].includes(order.status) && backordered === 0,
    cancel: mayMove && isOpen,
    returns: mayMove && order.status === "shipped",
  };
  const staged = order.lines.reduce((sum, l) => sum + Math.max(l.picked - l.shipped, 0), 0);
  return (
    <>
      <BackLink href="/orders">Orders</BackLink>
      <PageHeader title={`Order ${order.number}`}>
        <span className="flex gap-2">
          {order.late && (
            <Badge tone="red" className="text-sm">
              late
            </Badge>
          )}
          <Badge tone={ORDER_STATUS_TONE[order.status]} className="text-sm">
            {order.status}
          </Badge>
        </span>
      </PageHeader>
      <LiveOrders />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Card title="Lines">
            {/* A block per line, its quantities in a grid: seven numbers fit a phone without a sideways scroll. */}
            <ul className="divide-y divide-slate-100" data-testid="order-lines">
              {order.lines.map((l) => (
                <li key={l.lineNo} className="py-3 first:pt-0 last:pb-0" data-sku={l.sku}>
                  <p className="text-sm">
                    <span className="font-mono font-medium">{l.sku}</span> <span className="text-slate-600">{l.name}</span>
                  </p>
                  <dl className="mt-2 grid grid-cols-4 gap-x-3 gap-y-2 text-sm sm:grid-cols-7">
                    {QUANTITIES.map(([key, label]) => (
                      <div key={key} data-quantity={key}>
                        <dt className="text-xs text-slate-600">{label}</dt>
                        <dd className={`font-semibold tabular-nums ${key === "backordered" && l[key] > 0 ? "text-amber-800" : ""}`}>{l[key]}</dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
          </Card>
          <Card title="Where its units are held">
            {order.allocations.length === 0 ? (
              <EmptyState title={isOpen ? "Nothing held yet" : "Nothing held"}>
                {isOpen
                  ? "Units are held here as soon as stock arrives at a site; the order moves on by itself."
                  : "A shipped or cancelled order holds no stock."}
              </EmptyState>
            ) : (
              <ul className="divide-y divide-slate-100 text-sm" data-testid="order-allocations">
                {order.allocations.map((a, i) => (
                  <li key={i} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      <span className="font-mono">{a.sku}</span> · {a.site} · <span className="font-mono">{a.location}</span>
                      {a.lot ? ` · lot ${a.lot}` : ""}
                    </span>
                    <span className="font-semibold tabular-nums">{a.quantity}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="Movements">
            <OrderMovements movements={movements} />
          </Card>
          <Card title="History">
            <ol className="space-y-2 text-sm" data-testid="order-history">
              {order.history.map((h, i) => (
                <li key={i} className="flex flex-wrap items-baseline gap-x-2">
                  <Badge tone={ORDER_STATUS_TONE[h.status]}>{h.status}</Badge>
                  <span>{time.format(new Date(h.at))}</span>
                  <span className="text-slate-600">{h.actor}</span>
                  {h.note && <span className="text-slate-600">· {h.note}</span>}
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <div className="space-y-4">
          <Card title="Order">
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm [&>dd]:break-words [&>dt]:text-slate-600">
              <dt>Reference</dt>
              <dd>{order.reference}</dd>
              <dt>Channel</dt>
              <dd>{order.channel}</dd>
              <dt>Customer</dt>
              <dd>
                {order.customer.name}
                {order.customer.email && <span className="block text-slate-600">{order.customer.email}</span>}
                {order.customer.address && <span className="block whitespace-pre-line text-slate-600">{order.customer.address}</span>}
              </dd>
              <dt>Ships from</dt>
              <dd>{order.site ?? "no site yet"}</dd>
              <dt>Promised</dt>
              <dd className={order.late ? "font-semibold text-red-700" : ""}>{order.promisedShipDate ?? "no date"}</dd>
              {order.shippedAt && (
                <>
                  <dt>Shipped</dt>
                  <dd>
                    {time.format(new Date(order.shippedAt))}
                    <span className="block text-slate-600" data-testid="order-tracking">
                      {order.carrier} {order.trackingNumber}
                    </span>
                  </dd>
                </>
              )}
              <dt>Received</dt>
              <dd>{time.format(new Date(order.createdAt))}</dd>
            </dl>
          </Card>
          {mayMove && <FulfilmentStep id={order.id} status={order.status} />}
          {(allowed.ship || (mayMove && order.status === "shipped")) && (
            <div id="ship" className="scroll-mt-4">
              <ShipForm id={order.id} isDone={order.status === "shipped"} />
            </div>
          )}
          {mayMove && isOpen && backordered > 0 && (
            <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
              {backordered} units wait for stock: it ships once they arrive and are held.
            </p>
          )}
          {allowed.returns && (
            <Card title="Return">
              <ReturnForm order={order} />
            </Card>
          )}
          {(allowed.cancel || (mayMove && order.status === "cancelled")) && (
            <CancelForm id={order.id} staged={staged} isDone={order.status === "cancelled"} />
          )}
        </div>
      </div>
    </>
  );
}
