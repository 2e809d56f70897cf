import type { Actor } from "../auth/actor";
import { authorize, can } from "../auth/can";
import type { Db } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { movementSelect, movementsInScope, toMovementView } from "./list-movements";

/** Where a unit is now, unless that is at a site the actor may not see (then null, as for a unit not in stock). */
function placeShown(actor: Actor, location: { code: string; siteId: string } | null): string | null {
  return location && can(actor, "stock.view", { siteId: location.siteId }) ? location.code : null;
}

/**
 * The recall question: for a lot (of any item with that number) or a serial, where it came from and every
 * place it went since, in time order, each movement with its reference. Limited to the actor's sites: the
 * movements with an end there, and a serial's current place only when it is there.
 */
export async function traceStock(db: Db, actor: Actor, query: { lot?: string; serial?: string; sku?: string }) {
  authorize(actor, "stock.view");
  if (!query.lot === !query.serial) throw new ValidationFailed([{ field: "lot", message: "Ask for a lot or a serial (one of them)" }]);
  const item = query.sku ? { skuKey: query.sku.toLowerCase() } : {};
  const subjects = query.lot
    ? (
        await db.lot.findMany({
          where: { number: query.lot, item },
          select: { id: true, number: true, expiresOn: true, item: { select: { sku: true, name: true } } },
        })
      ).map((lot) => ({
        kind: "lot" as const,
        id: lot.id,
        code: lot.number,
        sku: lot.item.sku,
        name: lot.item.name,
        expiresOn: lot.expiresOn?.toISOString().slice(0, 10) ?? null,
      }))
    : (
        await db.serial.findMany({
          where: { serial: query.serial, item },
          select: { id: true, serial: true, location: { select: { code: true, siteId: true } }, item: { select: { sku: true, name: true } } },
        })
      ).map((s) => ({
        kind: "serial" as const,
        id: s.id,
        code: s.serial,
        sku: s.item.sku,
        name: s.item.name,
        expiresOn: null,
        now: placeShown(actor, s.location),
      }));
  const traces = await Promise.all(
    subjects.map(async (subject) => {
      const movements = await db.stockMovement.findMany({
        where: { AND: [movementsInScope(actor), subject.kind === "lot" ? { lotId: subject.id } : { serials: { some: { serialId: subject.id } } }] },
        orderBy: { id: "asc" },
        select: movementSelect,
      });
      const views = movements.map(toMovementView);
      const { id: _id, ...shown } = subject;
      return { ...shown, receipts: views.filter((m) => m.kind === "receive"), movements: views };
    }),
  );
  return { data: traces };
}
