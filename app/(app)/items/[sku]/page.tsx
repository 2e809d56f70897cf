import Link from "next/link";
import { LiveRefresh } from "@/components/live/live-refresh";
import { BarcodeList, StorageRequirements, SupplierList } from "@/components/items/item-facts";
import { LotList, StockLevels } from "@/components/items/item-stock";
import { MovementHistory } from "@/components/items/movement-history";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getItem } from "@/lib/catalog/get-item";
import { listItemLots } from "@/lib/catalog/list-item-lots";
import { getDb } from "@/lib/db/client";
import { orNotFound } from "@/lib/http/or-not-found";
import { listMovements } from "@/lib/ledger/list-movements";
import { listStock } from "@/lib/ledger/list-stock";
import { BackLink } from "@/components/ui/back-link";
import { ItemThresholdsTable } from "@/components/items/item-thresholds";
import { ThresholdsForm } from "@/components/items/thresholds-form";
import type { Actor } from "@/lib/auth/actor";
import { listSites } from "@/lib/sites/list-sites";
import { listThresholds } from "@/lib/thresholds/list-thresholds";
import { THRESHOLD_FIELDS, type ItemThresholds, type ThresholdsInForce } from "@/lib/thresholds/schemas";
import { itemCosting } from "@/lib/valuation/item-costing";
import { ItemCostingFacts } from "@/components/items/item-costing";
import { setThresholdsAction } from "./actions";

type Params = { params: Promise<{ sku: string }> };

const FIRST_MOVEMENTS = 20;
const LEVELS = 500;
const ACTIONS = [
  { kind: "receive", label: "Receive" },
  { kind: "move", label: "Move" },
  { kind: "issue", label: "Issue" },
] as const;

export async function generateMetadata({ params }: Params) {
  return { title: (await params).sku };
}

export default async function ItemPage({ params }: Params) {
  const actor = await requirePageActor("stock.view");
  const { sku } = await params;
  const db = getDb();
  const [item, stock, lots, movements, thresholds, sites] = await Promise.all([
    orNotFound(getItem(db, actor, sku)),
    listStock(db, actor, { sku, limit: LEVELS }),
    listItemLots(db, actor, sku),
    listMovements(db, actor, { sku, limit: FIRST_MOVEMENTS }),
    orNotFound(listThresholds(db, actor, sku)),
    listSites(db, actor),
  ]);
  // Values are for those who see reports; a clerk sees the stock but not what it is worth.
  const costing = can(actor, "reports.view") ? await itemCosting(db, actor, item.sku) : null;
  const reorderPoint = thresholds.default.reorderPoint;
  const thresholdChoices = editableThresholds(actor, thresholds, sites);
  const mayMove = item.active && can(actor, "stock.move");
  const hasLots = item.tracking !== "none" || lots.length > 0;

  return (
    <>
      <LiveRefresh skus={[item.sku]} />
      <header className="mb-4">
        <BackLink href="/items">Items</BackLink>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 className="flex flex-wrap items-center gap-2 text-2xl font-bold tracking-tight">
              {item.name}
              {item.active ? null : (
                <Badge tone="slate" className="text-sm">
                  Archived
                </Badge>
              )}
            </h1>
            <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
              <span className="font-mono font-medium text-slate-900" data-testid="item-sku">
                {item.sku}
              </span>
              <span>{item.category ?? "No category"}</span>
              <span>unit: {item.unit}</span>
              <span>{item.tracking === "none" ? "not tracked" : `tracked by ${item.tracking}`}</span>
              {reorderPoint !== null ? <span>reorder at {reorderPoint}</span> : null}
            </p>
            {item.description ? <p className="mt-2 max-w-prose text-slate-700">{item.description}</p> : null}
          </div>
          {mayMove ? (
            <nav aria-label="Stock actions" className="grid w-full grid-cols-3 gap-2 sm:flex sm:w-auto">
              {ACTIONS.map((action) => (
                <Link
                  key={action.kind}
                  href={`/stock/move?${new URLSearchParams({ kind: action.kind, sku: item.sku })}`}
                  className={`inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-medium ${action.kind === "receive" ? "bg-brand-700 text-white hover:bg-brand-900" : "border border-slate-300 bg-white hover:bg-slate-100"}`}
                >
                  {action.label}
                </Link>
              ))}
            </nav>
          ) : null}
          <Link
            href={`/items/${encodeURIComponent(item.sku)}/forecast`}
            className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
          >
            Forecast
          </Link>
          {can(actor, "catalog.manage") ? (
            <Link
              href={`/items/${encodeURIComponent(item.sku)}/edit`}
              className="inline-flex min-h-11 items-center justify-center rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100"
            >
              Edit
            </Link>
          ) : null}
        </div>
      </header>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-4">
          <Card title="Stock by location">
            <StockLevels levels={stock.data} unit={item.unit} isPartial={stock.nextCursor !== null} />
          </Card>
          {hasLots ? (
            <Card title="Lots">
              <LotList lots={lots} sku={item.sku} today={new Date().toISOString().slice(0, 10)} />
            </Card>
          ) : null}
        </div>
        <aside className="space-y-4 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start">
          <Card title="Storage requirements">
            <StorageRequirements storage={item.storage} />
          </Card>
          <Card title="Barcodes">
            <BarcodeList barcodes={item.barcodes} />
          </Card>
          <Card title="Suppliers">
            <SupplierList suppliers={item.suppliers} unit={item.unit} />
          </Card>
          {costing ? (
            <Card title="Costing">
              <ItemCostingFacts costing={costing} />
            </Card>
          ) : null}
          <Card title="Thresholds">
            <ItemThresholdsTable thresholds={thresholds} />
            {thresholdChoices.length > 0 ? <ThresholdsForm action={setThresholdsAction} sku={item.sku} choices={thresholdChoices} /> : null}
          </Card>
        </aside>
        {/* Last in the page on phones: the history loads more as it scrolls, so nothing may sit below it. */}
        <Card title="Movement history" className="min-w-0">
          <MovementHistory
            // A live refresh brings newer movements: start the list afresh from them.
            key={movements.data[0]?.id ?? "none"}
            sku={item.sku}
            initial={movements.data}
            initialCursor={movements.nextCursor}
            timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
          />
        </Card>
      </div>
    </>
  );
}

/** A row's own values (null where it inherits), for the form to start from. */
const ownValues = (row: ThresholdsInForce) =>
  Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f, row.own.includes(f) ? row[f] : null])) as Record<
    (typeof THRESHOLD_FIELDS)[number],
    number | null
  >;

/** What the actor may set: the default when it acts at every site, and each site it manages thresholds at. */
function editableThresholds(actor: Actor, thresholds: ItemThresholds, sites: { id: string; code: string }[]) {
  const choices = thresholds.data
    .filter((row) => can(actor, "thresholds.manage", { siteId: sites.find((s) => s.code === row.site)?.id ?? "-" }))
    .map((row) => ({ site: row.site ?? "", label: row.site ?? "", own: ownValues(row) }));
  if (!can(actor, "thresholds.manage") || actor.sites !== "all") return choices;
  return [{ site: "", label: "Item-wide default", own: ownValues(thresholds.default) }, ...choices];
}
