import { unitOfWork } from "../db/unit-of-work";
import { randomUUID } from "node:crypto";
import { actorColumns, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { enqueueEvent } from "../outbox/enqueue-event";

export type OpeningStockLine = {
  itemId: string;
  binId: string;
  supplierLocationId: string; // the site's virtual supplier location: where opening stock "comes from"
  lotId?: string | null;
  serialIds?: string[];
  quantity: number;
  unitCost?: string | null;
  currency?: string | null;
};

export const OPENING_STOCK_REFERENCE = "OPENING-STOCK";

/**
 * Posts a warehouse's starting balances as receipts (supplier → bin), in bulk and in one transaction, so history
 * begins with them. The levels are then derived from exactly these movement rows by one SQL statement, and the
 * movements valued like any receipt.
 */
export async function postOpeningStock(db: Db, actor: Actor, lines: OpeningStockLine[], siteId: string) {
  authorize(actor, "stock.move", { siteId });
  const postingId = randomUUID();
  const actorFields = actorColumns(actor);
  return unitOfWork(
    db,
    async (tx) => {
      const movements = await tx.stockMovement.createManyAndReturn({
        data: lines.map((line) => ({
          postingId,
          kind: "receive" as const,
          itemId: line.itemId,
          quantity: line.quantity,
          fromLocationId: line.supplierLocationId,
          toLocationId: line.binId,
          lotId: line.lotId ?? null,
          unitCost: line.unitCost ?? null,
          currency: line.unitCost ? (line.currency ?? "EUR") : null,
          reasonCode: "received",
          reference: OPENING_STOCK_REFERENCE,
          ...actorFields,
        })),
        select: { id: true },
      });
      const serialLinks = lines.flatMap((line, index) => (line.serialIds ?? []).map((serialId) => ({ movementId: movements[index].id, serialId })));
      if (serialLinks.length > 0) {
        await tx.movementSerial.createMany({ data: serialLinks });
        await tx.$executeRaw`
          UPDATE "Serial" s SET "locationId" = m."toLocationId"
          FROM "MovementSerial" ms JOIN "StockMovement" m ON m.id = ms."movementId"
          WHERE ms."serialId" = s.id AND m."postingId" = ${postingId}::uuid`;
      }
      await tx.$executeRaw`
        INSERT INTO "StockLevel" (id, "itemId", "locationId", "lotId", "isVirtual", "onHand", "updatedAt")
        SELECT gen_random_uuid(), d."itemId", d."locationId", d."lotId", l."isVirtual", SUM(d.delta), now()
        FROM (
          SELECT "itemId", "toLocationId" AS "locationId", "lotId", quantity AS delta FROM "StockMovement" WHERE "postingId" = ${postingId}::uuid
          UNION ALL
          SELECT "itemId", "fromLocationId", "lotId", -quantity FROM "StockMovement" WHERE "postingId" = ${postingId}::uuid
        ) d
        JOIN "Location" l ON l.id = d."locationId" AND stockroom_keeps_levels(l.type)
        GROUP BY d."itemId", d."locationId", d."lotId", l."isVirtual"
        ON CONFLICT ("itemId", "locationId", "lotId")
        DO UPDATE SET "onHand" = "StockLevel"."onHand" + EXCLUDED."onHand", "updatedAt" = now()`;
      // Valued as any receipt is (lib/valuation/valuation-function.sql): each line a cost layer at its unit cost.
      await tx.$queryRaw`SELECT stockroom_value_posting(${postingId}::uuid)::text AS valued`;
      const units = lines.reduce((sum, line) => sum + line.quantity, 0);
      await recordAudit(tx, actor, {
        action: "stock.opening_posted",
        entityType: "posting",
        entityId: postingId,
        siteId,
        after: { lines: lines.length, units },
      });
      await enqueueEvent(tx, { type: "stock.opening_posted", siteId, aggregateId: postingId, payload: { postingId, lines: lines.length, units } });
      return { postingId, movements: movements.length, units };
    },
    { timeoutMs: 60_000 },
  );
}
