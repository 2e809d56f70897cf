import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { inUnitOfWork, type IdempotencyKey } from "../db/unit-of-work";
import { NotFound, ValidationFailed } from "../domain-error";
import { divideRounded, fromTenThousandths, toTenThousandths } from "../money/fixed-point";
import { enqueueEvent } from "../outbox/enqueue-event";
import { allocateLandedCost, type LandedCostLine } from "./landed-cost";
import { requireOpenDay } from "./open-day";

const decimal = z.union([z.number(), z.string().regex(/^-?\d{1,14}(\.\d{1,4})?$/, "A decimal amount like 12.50")]);
const asDecimal = (value: string | number) => (typeof value === "number" ? value.toFixed(4) : value);

export const landedCostInput = z
  .object({
    receipt: z.uuid("The postingId of a receipt").describe("The postingId the receipt's answer gave (one delivery, one or more lines)"),
    kind: z.enum(["freight", "duty", "handling", "other"]),
    amount: decimal.transform(asDecimal).describe("What it cost, exact decimal; negative for a credit note"),
    allocateBy: z.enum(["value", "quantity", "weight"]).default("value").describe("How it is split over the receipt's lines"),
    weights: z
      .record(z.string(), decimal.transform(asDecimal))
      .optional()
      .describe("For allocateBy weight: the weight of one unit, by SKU (any unit, the same for all)"),
    reference: z.string().trim().max(120).optional().describe("The invoice's number"),
    occurredAt: z.iso.date().optional().describe("When it is booked; today when left out; not in a closed month"),
  })
  .meta({ id: "LandedCostInput" });
export type LandedCostInput = z.input<typeof landedCostInput>;

const share = z.object({
  movementId: z.string(),
  sku: z.string(),
  site: z.string(),
  amount: z.string(),
  toStock: z.string().describe("Into the value of the units of that line still on hand"),
  toCogs: z.string().describe("For the line's units already gone: straight to cost of goods sold"),
  variance: z.string().describe("Standard cost: stock stays at standard; the amount is a purchase price variance"),
});
export const landedCostView = z
  .object({
    id: z.string(),
    receipt: z.string(),
    kind: z.string(),
    amount: z.string(),
    allocatedBy: z.string(),
    reference: z.string().nullable(),
    occurredAt: z.string(),
    shares: z.array(share),
  })
  .meta({ id: "LandedCost" });
export type LandedCostView = z.infer<typeof landedCostView>;

type ReceiptLine = {
  movementId: bigint;
  itemId: string;
  siteId: string;
  sku: string;
  site: string;
  quantity: number;
  value: string;
  layerId: string;
};

/**
 * Adds freight, duty or handling to a receipt, also after its goods have been sold: split over its lines
 * (lib/valuation/landed-cost.ts, exact), each share added to the layer its line made — the part for units still
 * on hand into stock, the rest to cost of goods sold (round(share × on hand ÷ received)). Managers at the
 * receipt's site. One unit of work: the key, the cost states and layers locked (states then layers, as a posting
 * takes them), the entries, the audit and the event.
 */
export async function addLandedCost(db: Db, actor: Actor, input: LandedCostInput, options: { idempotency?: IdempotencyKey | null } = {}) {
  const data = landedCostInput.parse(input);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency, status: 201 }, async (tx) => {
    const lines = await receiptLines(tx, data.receipt);
    for (const siteId of new Set(lines.map((line) => line.siteId))) authorize(actor, "purchasing.manage", { siteId });
    const at = data.occurredAt ? new Date(`${data.occurredAt}T00:00:00Z`) : new Date();
    await requireOpenDay(tx, at, "occurredAt");
    const allocation = allocateLandedCost(
      data.amount,
      lines.map((line) => basisOf(line, data.allocateBy, data.weights)),
      data.allocateBy,
    );
    const shares = await applyShares(tx, lines, allocation, at);
    const landed = await tx.landedCost.create({
      data: {
        id: crypto.randomUUID(),
        postingId: data.receipt,
        kind: data.kind,
        amount: data.amount,
        allocatedBy: data.allocateBy,
        reference: data.reference ?? null,
        occurredAt: at,
        actorLabel: actor.label,
        shares: shares.map((applied) => applied.share),
      },
    });
    await tx.costRevaluation.createMany({
      data: shares.flatMap((applied) => applied.entries.map((entry) => ({ ...entry, landedCostId: landed.id }))),
    });
    const view: LandedCostView = {
      id: landed.id,
      receipt: data.receipt,
      kind: data.kind,
      amount: fromTenThousandths(toTenThousandths(data.amount)),
      allocatedBy: data.allocateBy,
      reference: data.reference ?? null,
      occurredAt: at.toISOString(),
      shares: shares.map((applied) => applied.share),
    };
    await recordAudit(tx, actor, {
      action: "valuation.landed_cost",
      entityType: "landedCost",
      entityId: landed.id,
      siteId: lines[0].siteId,
      after: view,
    });
    await enqueueEvent(tx, { type: "valuation.landed_cost", aggregateId: landed.id, siteId: lines[0].siteId, payload: view });
    return view;
  });
  return result.replayed ? (result.stored as LandedCostView) : result.value;
}

/** The receipt's valued lines from suppliers, with the layer each made. */
async function receiptLines(tx: DbTx, postingId: string): Promise<ReceiptLine[]> {
  const lines = await tx.$queryRaw<ReceiptLine[]>`
    SELECT v."movementId", v."itemId", v."siteId", i.sku, s.code AS site, v.quantity, v.value::numeric(18,4)::text AS value, ml."layerId"
      FROM "StockMovement" m
      JOIN "MovementValue" v ON v."movementId" = m.id AND v.quantity > 0 AND v.category = 'receipts'
      JOIN "MovementLayer" ml ON ml."movementId" = m.id AND ml.quantity > 0
      JOIN "Item" i ON i.id = v."itemId"
      JOIN "Site" s ON s.id = v."siteId"
     WHERE m."postingId" = ${postingId}::uuid
     ORDER BY m.id`;
  if (lines.length > 0) return lines;
  const exists = await tx.stockMovement.findFirst({ where: { postingId }, select: { id: true } });
  if (!exists) throw new NotFound("Receipt", postingId);
  throw new ValidationFailed([{ field: "receipt", message: "That posting received nothing from a supplier: a landed cost goes on a receipt" }]);
}

function basisOf(line: ReceiptLine, by: "value" | "quantity" | "weight", weights: Record<string, string> | undefined): LandedCostLine {
  const basis: LandedCostLine = { id: line.movementId.toString(), quantity: line.quantity, value: line.value };
  if (by !== "weight") return basis;
  const perUnit = weights?.[line.sku];
  if (perUnit === undefined)
    throw new ValidationFailed([{ field: `weights.${line.sku}`, message: "Give the weight of one unit of each SKU of the receipt" }]);
  return { ...basis, weight: fromTenThousandths(toTenThousandths(perUnit) * BigInt(line.quantity)) };
}

type ValueEntry = {
  itemId: string;
  siteId: string;
  occurredAt: Date;
  amount: string;
  fromMethod: "fifo" | "average";
  toMethod: "fifo" | "average";
  category: "receipts" | "cogs";
  note: string;
};
/** A share as answered, and the value entries it makes (written once the landed cost row exists). */
type AppliedShare = { share: LandedCostView["shares"][number]; entries: ValueEntry[] };

async function applyShares(tx: DbTx, lines: ReceiptLine[], allocation: { id: string; amount: string }[], at: Date): Promise<AppliedShare[]> {
  // Cost states first, in one order (item, site), then the layers: as a posting locks them.
  const pairs = [...new Map(lines.map((line) => [`${line.itemId}|${line.siteId}`, line])).values()].sort((a, b) =>
    `${a.itemId}|${a.siteId}` < `${b.itemId}|${b.siteId}` ? -1 : 1,
  );
  for (const pair of pairs)
    await tx.$queryRaw`SELECT 1 FROM "CostState" WHERE "itemId" = ${pair.itemId}::uuid AND "siteId" = ${pair.siteId}::uuid FOR UPDATE`;
  const applied: AppliedShare[] = [];
  for (const [index, line] of lines.entries()) applied.push(await applyShare(tx, line, toTenThousandths(allocation[index].amount), at));
  return applied;
}

async function applyShare(tx: DbTx, line: ReceiptLine, amount: bigint, at: Date): Promise<AppliedShare> {
  const [state] = await tx.$queryRaw<{ method: string; value: string; standardCost: string | null }[]>`
    SELECT method::text, value::numeric(18,4)::text AS value, "standardCost"::text AS "standardCost" FROM "CostState" WHERE "itemId" = ${line.itemId}::uuid AND "siteId" = ${line.siteId}::uuid`;
  const [layer] = await tx.$queryRaw<{ quantity: number; receivedQuantity: number; value: string }[]>`
    SELECT quantity, "receivedQuantity", value::numeric(18,4)::text AS value FROM "CostLayer" WHERE id = ${line.layerId}::uuid FOR UPDATE`;
  const share = { movementId: line.movementId.toString(), sku: line.sku, site: line.site, amount: fromTenThousandths(amount) };
  if (state.method === "standard") return { share: { ...share, toStock: "0.0000", toCogs: "0.0000", variance: share.amount }, entries: [] };
  let toStock = layer.quantity > 0 ? divideRounded(amount * BigInt(layer.quantity), BigInt(layer.receivedQuantity)) : 0n;
  // A credit note cannot take the stock below nothing.
  const holds = toTenThousandths(state.method === "average" ? state.value : layer.value);
  if (holds + toStock < 0n) toStock = -holds;
  const toCogs = amount - toStock;
  if (state.method === "fifo")
    await tx.$executeRaw`UPDATE "CostLayer" SET value = value + ${fromTenThousandths(toStock)}::numeric WHERE id = ${line.layerId}::uuid`;
  await tx.$executeRaw`UPDATE "CostState" SET value = value + ${fromTenThousandths(toStock)}::numeric, "updatedAt" = now() WHERE "itemId" = ${line.itemId}::uuid AND "siteId" = ${line.siteId}::uuid`;
  const entry = (value: bigint, category: "receipts" | "cogs"): ValueEntry => ({
    itemId: line.itemId,
    siteId: line.siteId,
    occurredAt: at,
    amount: fromTenThousandths(value),
    fromMethod: state.method as "fifo" | "average",
    toMethod: state.method as "fifo" | "average",
    category,
    note: "Landed cost",
  });
  return {
    share: { ...share, toStock: fromTenThousandths(toStock), toCogs: fromTenThousandths(toCogs), variance: "0.0000" },
    entries: [entry(amount, "receipts"), ...(toCogs !== 0n ? [entry(-toCogs, "cogs")] : [])],
  };
}
