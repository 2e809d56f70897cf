import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { MapVersionStale, NothingToUndo } from "./errors";
import { findMapSite } from "./find-map-site";
import { lockSiteMap } from "./lock-site-map";
import { mapShape, undoSiteMapInput, type SiteMapView, type UndoSiteMapInput } from "./schemas";
import { writeSiteMapVersion } from "./write-site-map-version";

const UNDO_NOTE = /^Undo: back to version (\d+)$/;

/**
 * Takes the map back one step by saving the earlier content as a new version: history is never rewritten, and
 * the undo itself can be undone by going to its version's content. Repeated undos walk further back: undoing
 * a version that was itself an undo back to K goes to K − 1. `version` must be the current version (else 409),
 * so two editors cannot undo each other's work unseen; 409 too when there is nothing earlier.
 */
export async function undoSiteMap(db: Db, actor: Actor, siteCode: string, input: UndoSiteMapInput): Promise<SiteMapView> {
  const { version } = undoSiteMapInput.parse(input);
  const site = await findMapSite(db, siteCode);
  authorize(actor, "locations.manage", { siteId: site.id });
  return unitOfWork(db, async (tx) => {
    const current = await lockSiteMap(tx, site.id);
    if (current.version !== version) throw new MapVersionStale(site.code, version, current.version);
    const head = await tx.siteMapVersion.findUnique({ where: { siteId_version: { siteId: site.id, version } }, select: { note: true } });
    const undone = UNDO_NOTE.exec(head?.note ?? "");
    const target = (undone ? Number(undone[1]) : version) - 1;
    if (target < 1) throw new NothingToUndo(site.code, current.version);
    const earlier = await tx.siteMapVersion.findUniqueOrThrow({ where: { siteId_version: { siteId: site.id, version: target } } });
    const content = { width: earlier.width, height: earlier.height, unit: "m" as const, shapes: mapShape.array().parse(earlier.shapes) };
    return writeSiteMapVersion(tx, actor, site, current, content, `Undo: back to version ${target}`);
  });
}
