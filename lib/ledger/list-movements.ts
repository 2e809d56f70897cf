import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { NotFound } from "../domain-error";
import { divideRounded, fromTenThousandths, toTenThousandths } from "../money/fixed-point";
import type { MovementValuation, MovementView } from "./schemas";

export type MovementQuery = { sku?: string; location?: string; since?: string; cursor?: string; limit?: number };

export const movementSelect = {
  id: true,
  kind: true,
  quantity: true,
  unitCost: true,
  currency: true,
  reasonCode: true,
  note: true,
  reference: true,
  actorLabel: true,
  at: true,
  occurredAt: true,
  reversesId: true,
  values: { select: { quantity: true, value: true, variance: true, method: true } },
  item: { select: { sku: true } },
  fromLocation: { select: { code: true } },
  toLocation: { select: { code: true } },
  lot: { select: { number: true, expiresOn: true } },
  serials: { select: { serial: { select: { serial: true } } } },
} satisfies Prisma.StockMovementSelect;

type MovementRow = Prisma.StockMovementGetPayload<{ select: typeof movementSelect }>;

export function toMovementView(m: MovementRow): MovementView {
  return {
    id: m.id.toString(),
    kind: m.kind,
    sku: m.item.sku,
    quantity: m.quantity,
    from: m.fromLocation.code,
    to: m.toLocation.code,
    lot: m.lot?.number ?? null,
    expiresOn: m.lot?.expiresOn?.toISOString().slice(0, 10) ?? null,
    unitCost: m.unitCost?.toFixed(4) ?? null,
    currency: m.currency,
    reason: m.reasonCode,
    note: m.note,
    reference: m.reference,
    actor: m.actorLabel,
    at: m.at.toISOString(),
    occurredAt: m.occurredAt.toISOString(),
    reverses: m.reversesId?.toString() ?? null,
    serials: m.serials.map((s) => s.serial.serial).sort(),
    valuation: valuationOf(m.values),
  };
}

type ValueRow = MovementRow["values"][number];

/** As the posting answered it: the side that left a site's stock if one did (a transfer's), else the side that came in. */
function valuationOf(values: ValueRow[]): MovementValuation | null {
  const side = values.find((v) => v.quantity < 0) ?? values[0];
  if (!side) return null;
  const total = toTenThousandths(side.value.toFixed(4));
  const magnitude = total < 0n ? -total : total;
  return {
    method: side.method,
    totalCost: fromTenThousandths(magnitude),
    unitCost: fromTenThousandths(divideRounded(magnitude, BigInt(Math.abs(side.quantity)))),
    variance: side.variance.toFixed(4),
  };
}

/** A location and everything beneath it, as a Prisma filter on a location relation. */
export function atOrBeneath(code: string): Prisma.LocationWhereInput {
  // Paths are codes joined by "/" from the site root: WH1/WH1-A/WH1-A01/WH1-A01-03.
  return { OR: [{ code }, { path: { startsWith: `${code}/` } }, { path: { contains: `/${code}/` } }] };
}

/** Where the actor may look: movements with at least one end at one of its sites. */
export function movementsInScope(actor: Actor): Prisma.StockMovementWhereInput {
  if (actor.sites === "all") return {};
  const sites = { siteId: { in: [...actor.sites] } };
  return { OR: [{ fromLocation: sites }, { toLocation: sites }] };
}

/** One movement, if it has an end at one of the actor's sites (else 404, as if it did not exist). */
export async function getMovement(db: Db, actor: Actor, id: string): Promise<MovementView> {
  authorize(actor, "stock.view");
  const movement = await db.stockMovement.findFirst({ where: { AND: [{ id: BigInt(id) }, movementsInScope(actor)] }, select: movementSelect });
  if (!movement) throw new NotFound("Movement", id);
  return toMovementView(movement);
}

/** Newest first, keyset-paginated on id. */
export async function listMovements(db: Db, actor: Actor, query: MovementQuery) {
  authorize(actor, "stock.view");
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const where: Prisma.StockMovementWhereInput = {
    AND: [
      movementsInScope(actor),
      query.sku ? { item: { skuKey: query.sku.toLowerCase() } } : {},
      query.location ? { OR: [{ fromLocation: atOrBeneath(query.location) }, { toLocation: atOrBeneath(query.location) }] } : {},
      query.since ? { at: { gte: new Date(query.since) } } : {},
      query.cursor && /^\d+$/.test(query.cursor) ? { id: { lt: BigInt(query.cursor) } } : {},
    ],
  };
  const rows = await db.stockMovement.findMany({ where, orderBy: { id: "desc" }, take: limit + 1, select: movementSelect });
  const page = rows.slice(0, limit);
  return { data: page.map(toMovementView), nextCursor: rows.length > limit ? page[page.length - 1].id.toString() : null };
}
