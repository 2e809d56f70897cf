import { PackStation } from "@/components/orders/pack-station";
import { BackLink } from "@/components/ui/back-link";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { getOrder } from "@/lib/orders/list-orders";
import { listSites } from "@/lib/sites/list-sites";

export const metadata = { title: "Pack" };

/** The pack station: scan every picked unit of the order into a package, close it, print, then ship. */
export default async function PackPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("stock.view");
  const { id } = await params;
  const db = getDb();
  const [order, sites] = await Promise.all([orNotFound(getOrder(db, actor, id)), listSites(db, actor)]);
  // Whether to offer the scan field; every scan is checked again (role, site, status) by the lib under the order's lock.
  const siteId = sites.find((s) => s.code === order.site)?.id;
  const canPack = siteId !== undefined && can(actor, "stock.move", { siteId });
  return (
    <div className="mx-auto max-w-xl">
      <BackLink href={`/orders/${order.id}`}>Order {order.number}</BackLink>
      <PackStation order={order} canPack={canPack} />
    </div>
  );
}
