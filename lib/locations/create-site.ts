import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { Conflict } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { VIRTUAL_LOCATIONS, virtualLocationCode } from "./virtual-locations";

export class SiteCodeTaken extends Conflict {
  readonly code = "site_code_taken";
  constructor(code: string) {
    super(`A site or location with the code ${code} already exists`, { code });
  }
}

export type SiteInput = { code: string; name: string; timezone?: string; address?: string };

/** Zones every site has under its root for order work: where picked stock waits, and where held-back stock sits. */
export const WORK_ZONES = [
  { suffix: "STAGING", name: "Outbound staging", purpose: "staging" },
  { suffix: "QUARANTINE", name: "Quarantine", purpose: "quarantine" },
] as const;

export function workZoneCode(siteCode: string, purpose: "staging" | "quarantine"): string {
  return `${siteCode}-${WORK_ZONES.find((zone) => zone.purpose === purpose)!.suffix}`;
}

/** A site, the root location of its tree, its virtual locations and its work zones, in one transaction. */
export async function createSite(db: Db, actor: Actor, input: SiteInput) {
  authorize(actor, "settings.manage");
  const code = input.code.trim().toUpperCase();
  try {
    return await unitOfWork(db, async (tx) => {
      const site = await tx.site.create({ data: { code, name: input.name, timezone: input.timezone ?? "UTC", address: input.address } });
      const root = await tx.location.create({ data: { siteId: site.id, code, name: input.name, type: "site", path: code }, select: { id: true } });
      await tx.location.createMany({
        data: [
          ...WORK_ZONES.map((zone) => ({
            siteId: site.id,
            parentId: root.id,
            code: `${code}-${zone.suffix}`,
            name: `${zone.name} (${code})`,
            type: "zone" as const,
            purpose: zone.purpose,
            path: `${code}/${code}-${zone.suffix}`,
          })),
          ...VIRTUAL_LOCATIONS.map((v) => ({
            siteId: site.id,
            code: virtualLocationCode(code, v.type),
            name: `${v.name} (${code})`,
            type: v.type,
            isVirtual: true,
            path: `${code}/~${v.suffix}`,
          })),
        ],
      });
      await recordAudit(tx, actor, { action: "site.create", entityType: "site", entityId: site.id, siteId: site.id, after: site });
      await enqueueEvent(tx, { type: "site.created", siteId: site.id, aggregateId: site.id, payload: { code, name: site.name } });
      return site;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new SiteCodeTaken(code);
    throw error;
  }
}
