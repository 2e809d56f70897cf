import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { NotFound, ValidationFailed } from "../domain-error";
import { planReplenishments } from "./plan-replenishments";
import { refillInput } from "./schemas";

/**
 * Makes a bin a pick face (or stops it being one): its capacity and the level at which it is refilled. Planned
 * at once, so a face already at or below its new level gets its task now, not at the next movement.
 */
export async function setRefillLevel(db: Db, actor: Actor, code: string, input: z.input<typeof refillInput>) {
  const data = refillInput.parse(input);
  return unitOfWork(db, async (tx) => {
    const [bin] = await tx.$queryRaw<
      { id: string; siteId: string; type: string; isVirtual: boolean; capacityUnits: number | null; refillLevel: number | null }[]
    >`
      SELECT id::text, "siteId"::text AS "siteId", type::text, "isVirtual", "capacityUnits", "refillLevel" FROM "Location" WHERE code = ${code.toUpperCase()} FOR UPDATE`;
    if (!bin) throw new NotFound("Location", code);
    authorize(actor, "locations.manage", { siteId: bin.siteId });
    if (bin.isVirtual || bin.type === "site")
      throw new ValidationFailed([{ field: "code", message: `${code.toUpperCase()} is not a storage location` }]);
    await tx.location.update({ where: { id: bin.id }, data: { capacityUnits: data.capacityUnits, refillLevel: data.refillLevel } });
    await recordAudit(tx, actor, {
      action: "location.refill",
      entityType: "Location",
      entityId: bin.id,
      siteId: bin.siteId,
      before: { capacityUnits: bin.capacityUnits, refillLevel: bin.refillLevel },
      after: data,
    });
    const planned = await planReplenishments(tx, [bin.id]);
    return { location: code.toUpperCase(), ...data, tasksCreated: planned.created.length };
  });
}
