import { MovementForm } from "@/components/stock/movement-form";
import { PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { MOVEMENT_KIND_NAMES } from "@/lib/ledger/schemas";
import { listLocations } from "@/lib/locations/list-locations";

export const metadata = { title: "Move stock" };

export default async function MoveStockPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("stock.move");
  const params = await searchParams;
  const db = getDb();
  const [locations, reasons] = await Promise.all([
    listLocations(db, actor, {}),
    db.reasonCode.findMany({ where: { active: true }, select: { code: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  const kind = MOVEMENT_KIND_NAMES.find((k) => k === params.kind) ?? "receive";
  return (
    <>
      <PageHeader title="Move stock" />
      <MovementForm
        initial={{ kind, sku: params.sku ?? "", from: params.from ?? "", to: params.to ?? "", lot: params.lot ?? "" }}
        locationCodes={locations.filter((l) => l.type !== "site").map((l) => l.code)}
        reasons={reasons}
        canOverrideConditions={can(actor, "stock.approve")}
      />
    </>
  );
}
