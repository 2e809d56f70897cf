import { unitOfWork } from "../db/unit-of-work";
import type { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { NotFound } from "../domain-error";
import { placeLocationShape } from "../maps/place-location-shape";
import { enqueueEvent } from "../outbox/enqueue-event";
import { createSite, SiteCodeTaken } from "./create-site";
import { LocationCodeTaken, ParentIsVirtual, ParentRequired, SiteConditionsNotSupported, SiteTakesNoParent } from "./errors";
import { locationWithCodes, toLocationView } from "./location-view";
import { locationInput, type LocationInput, type LocationView } from "./schemas";

type NewLocation = z.output<typeof locationInput>;

/**
 * Adds a location inside `parent`, at the parent's site, for those who manage locations there; with `x` and `y`
 * it is also drawn on the site's map, in the same transaction (lib/maps/place-location-shape.ts). Type "site"
 * instead creates a whole site (admins only) through createSite, with its root and virtual locations.
 * Audited and announced (`location.created`) in the same transaction.
 */
export async function createLocation(db: Db, actor: Actor, input: LocationInput): Promise<LocationView> {
  authorize(actor, "locations.manage");
  const data = locationInput.parse(input);
  if (data.type === "site") return createSiteRoot(db, actor, data);
  const parentCode = data.parent;
  if (!parentCode) throw new ParentRequired(data.type);
  try {
    return await unitOfWork(db, async (tx) => {
      const parent = await tx.location.findUnique({ where: { code: parentCode }, select: { id: true, siteId: true, path: true, isVirtual: true } });
      if (!parent) throw new NotFound("Location", parentCode);
      authorize(actor, "locations.manage", { siteId: parent.siteId });
      if (parent.isVirtual) throw new ParentIsVirtual(parentCode);
      const location = await tx.location.create({
        data: {
          siteId: parent.siteId,
          parentId: parent.id,
          code: data.code,
          name: data.name,
          type: data.type,
          path: `${parent.path}/${data.code}`,
          tempMinC: data.tempMinC,
          tempMaxC: data.tempMaxC,
          humidityMaxPct: data.humidityMaxPct,
          hazardClasses: data.hazardClasses ?? [],
          capacityUnits: data.capacityUnits,
        },
        include: locationWithCodes,
      });
      const view = toLocationView(location);
      if (data.x !== undefined && data.y !== undefined) {
        await placeLocationShape(
          tx,
          actor,
          { id: parent.siteId, code: view.site },
          { code: view.code, type: data.type, x: data.x, y: data.y, width: data.width ?? 1, height: data.height ?? 1 },
        );
      }
      await recordAudit(tx, actor, { action: "location.create", entityType: "location", entityId: location.id, siteId: parent.siteId, after: view });
      await enqueueEvent(tx, { type: "location.created", siteId: parent.siteId, aggregateId: location.id, payload: view });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new LocationCodeTaken(data.code);
    throw error;
  }
}

const SITE_UNSUPPORTED_FIELDS = ["tempMinC", "tempMaxC", "humidityMaxPct", "hazardClasses", "capacityUnits"] as const;

async function createSiteRoot(db: Db, actor: Actor, data: NewLocation): Promise<LocationView> {
  authorize(actor, "settings.manage");
  if (data.parent) throw new SiteTakesNoParent();
  // createSite makes the root without conditions; refusing them beats dropping them silently.
  const unsupported = SITE_UNSUPPORTED_FIELDS.filter((field) => data[field] !== undefined);
  if (unsupported.length > 0) throw new SiteConditionsNotSupported(unsupported);
  try {
    await createSite(db, actor, { code: data.code, name: data.name });
  } catch (error) {
    if (error instanceof SiteCodeTaken) throw new LocationCodeTaken(data.code);
    throw error;
  }
  return toLocationView(await db.location.findUniqueOrThrow({ where: { code: data.code }, include: locationWithCodes }));
}
