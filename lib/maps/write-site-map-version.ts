import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { enqueueEvent } from "../outbox/enqueue-event";
import type { MapSite } from "./find-map-site";
import type { StoredSiteMap } from "./lock-site-map";
import type { MapShape, SiteMapView } from "./schemas";

export type SiteMapContent = { width: number; height: number; unit: "m"; shapes: MapShape[] };

/**
 * Saves `content` as the version after `current` (locked by lockSiteMap in this transaction): the map row
 * takes it and the history gains a row, with who, when and why (`note`). Audited and announced
 * (`siteMap.saved`); the audit names the version and its size, not the shapes, which the history keeps.
 */
export async function writeSiteMapVersion(
  tx: DbTx,
  actor: Actor,
  site: MapSite,
  current: StoredSiteMap,
  content: SiteMapContent,
  note: string | null,
): Promise<SiteMapView> {
  const version = current.version + 1;
  const shapes = JSON.parse(JSON.stringify(content.shapes)) as Prisma.InputJsonValue;
  const who = { id: actor.type === "user" ? actor.id : null, label: actor.label };
  const row = {
    version,
    width: content.width,
    height: content.height,
    unit: content.unit,
    shapes,
    updatedById: who.id,
    updatedByLabel: who.label,
    updatedAt: new Date(),
  };
  const saved = await tx.siteMap.upsert({
    where: { siteId: site.id },
    create: { siteId: site.id, ...row },
    update: row,
    select: { updatedAt: true },
  });
  await tx.siteMapVersion.create({
    data: {
      siteId: site.id,
      version,
      width: content.width,
      height: content.height,
      unit: content.unit,
      shapes,
      savedById: who.id,
      savedByLabel: who.label,
      note,
    },
  });
  const summary = { site: site.code, version, width: content.width, height: content.height, shapeCount: content.shapes.length, note };
  await recordAudit(tx, actor, {
    action: "siteMap.save",
    entityType: "siteMap",
    entityId: site.id,
    siteId: site.id,
    before: { version: current.version },
    after: summary,
  });
  await enqueueEvent(tx, { type: "siteMap.saved", siteId: site.id, aggregateId: site.id, payload: summary });
  return { site: site.code, version, ...content, updatedAt: saved.updatedAt.toISOString(), updatedBy: who.label };
}
