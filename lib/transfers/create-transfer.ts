import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { ValidationFailed, type FieldIssue } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { holdTransferLines } from "./transfer-holds";
import { findTransferView } from "./transfer-view";
import { transferInput, type TransferInput, type TransferView } from "./schemas";

type ParsedLine = ReturnType<typeof transferInput.parse>["lines"][number];
type Item = { id: string; sku: string; skuKey: string; tracking: "none" | "lot" | "serial"; active: boolean };

/**
 * Drafts a transfer of stock from one site to another. Nothing moves yet, but every line's units are held at
 * the source site from now on (transfer-holds.ts) until the transfer ships or is cancelled; refused with 409 and
 * `available` when a line asks for more than is available there. Its value (Σ quantity × the preferred supplier's unit cost) is fixed now and decides whether a manager must
 * approve it (see approval-limit.ts). Needs stock.move at the source site; audited, announced
 * (`transfer.created`) and recorded as the transfer's first step.
 */
export async function createTransfer(db: Db, actor: Actor, input: TransferInput): Promise<TransferView> {
  const data = transferInput.parse(input);
  const sites = await db.site.findMany({ where: { code: { in: [data.from, data.to] } }, select: { id: true, code: true, active: true } });
  const from = sites.find((s) => s.code === data.from);
  const to = sites.find((s) => s.code === data.to);
  const siteIssues: FieldIssue[] = [
    ...(from ? [] : [{ field: "from", message: `No site has the code ${data.from}` }]),
    ...(to
      ? to.active
        ? []
        : [{ field: "to", message: `Site ${data.to} is archived` }]
      : [{ field: "to", message: `No site has the code ${data.to}` }]),
    ...(data.from === data.to ? [{ field: "to", message: "A transfer goes to another site" }] : []),
  ];
  if (siteIssues.length > 0) throw new ValidationFailed(siteIssues);
  authorize(actor, "stock.move", { siteId: from!.id });

  const items = await db.item.findMany({
    where: { skuKey: { in: data.lines.map((l) => l.sku.toLowerCase()) } },
    select: { id: true, sku: true, skuKey: true, tracking: true, active: true },
  });
  const itemBySku = new Map(items.map((i) => [i.skuKey, i]));
  const lots = await db.lot.findMany({
    where: {
      OR: data.lines.flatMap((l) =>
        l.lot && itemBySku.get(l.sku.toLowerCase()) ? [{ itemId: itemBySku.get(l.sku.toLowerCase())!.id, number: l.lot }] : [],
      ),
    },
    select: { id: true, itemId: true, number: true },
  });
  const lotOf = (itemId: string, number: string) => lots.find((l) => l.itemId === itemId && l.number === number);
  const issues = data.lines.flatMap((line, index) => lineIssues(line, index, itemBySku.get(line.sku.toLowerCase()), data.lines, lotOf));
  if (issues.length > 0) throw new ValidationFailed(issues);

  const lines = data.lines.map((line, index) => {
    const item = itemBySku.get(line.sku.toLowerCase())!;
    return {
      lineNo: index + 1,
      itemId: item.id,
      lotId: line.lot ? lotOf(item.id, line.lot)!.id : null,
      quantity: line.quantity,
      serials: line.serials ?? [],
    };
  });
  const { value, currency } = await valueOf(db, lines);

  return unitOfWork(db, async (tx) => {
    const transfer = await tx.transferOrder.create({
      data: {
        fromSiteId: from!.id,
        toSiteId: to!.id,
        reference: data.reference ?? null,
        value,
        currency,
        createdById: actor.type === "user" ? actor.id : null,
        createdByKeyId: actor.type === "apiKey" ? actor.id : null,
        createdByLabel: actor.label,
        lines: { create: lines },
        steps: { create: { step: "created", actorLabel: actor.label } },
      },
      select: { id: true, lines: { select: { id: true, lineNo: true }, orderBy: { lineNo: "asc" } } },
    });
    await holdTransferLines(
      tx,
      actor,
      { id: transfer.id, reference: data.reference ?? null, siteId: from!.id, siteCode: from!.code },
      transfer.lines.map((row, index) => {
        const line = lines[index];
        return {
          id: row.id,
          lineNo: row.lineNo,
          itemId: line.itemId,
          sku: itemBySku.get(data.lines[index].sku.toLowerCase())!.sku,
          lotId: line.lotId,
          lotNumber: data.lines[index].lot ?? null,
          quantity: line.quantity,
          serials: line.serials,
        };
      }),
    );
    const { view } = (await findTransferView(tx, transfer.id))!;
    await recordAudit(tx, actor, { action: "transfer.create", entityType: "transfer", entityId: transfer.id, siteId: from!.id, after: view });
    await enqueueEvent(tx, { type: "transfer.created", siteId: from!.id, aggregateId: transfer.id, payload: view });
    return view;
  });
}

function lineIssues(
  line: ParsedLine,
  index: number,
  item: Item | undefined,
  all: ParsedLine[],
  lotOf: (itemId: string, number: string) => unknown,
): FieldIssue[] {
  const field = (name: string, message: string) => [{ field: `lines.${index}.${name}`, message }];
  if (!item) return field("sku", `No item has the SKU ${line.sku}`);
  if (!item.active) return field("sku", `${item.sku} is archived`);
  // One line per item: receipts name the SKU, so each must point at exactly one line.
  if (all.findIndex((other) => other.sku.toLowerCase() === item.skuKey) !== index) return field("sku", `${item.sku} is already on another line`);
  if (line.lot && item.tracking === "none") return field("lot", `${item.sku} is not lot-tracked`);
  if (line.lot && !lotOf(item.id, line.lot)) return field("lot", `${item.sku} has no lot ${line.lot}`);
  if (item.tracking === "serial" && (line.serials?.length ?? 0) !== line.quantity) {
    return field("serials", `${item.sku} is serial-tracked: list one serial per unit (${line.quantity})`);
  }
  if (item.tracking !== "serial" && line.serials?.length) return field("serials", `${item.sku} is not serial-tracked`);
  return [];
}

/** Σ quantity × the preferred supplier's unit cost, in SQL's exact decimals; the currency of those costs. */
async function valueOf(db: Db, lines: { itemId: string; quantity: number }[]) {
  const [row] = await db.$queryRaw<{ value: string | null; currency: string | null }[]>`
    SELECT coalesce(sum(x.quantity * coalesce(s."unitCost", 0)), 0)::text AS value, min(s.currency) AS currency
    FROM unnest(${lines.map((l) => l.itemId)}::uuid[], ${lines.map((l) => l.quantity)}::int[]) AS x("itemId", quantity)
    LEFT JOIN LATERAL (
      SELECT "unitCost", currency FROM "ItemSupplier" WHERE "itemId" = x."itemId" AND preferred ORDER BY "unitCost" DESC NULLS LAST LIMIT 1
    ) s ON true`;
  return { value: row.value ?? "0", currency: row.currency ?? null };
}
