import type { Actor } from "../auth/actor";
import { reloadActor } from "../auth/load-actor";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";

/** The columns that remember who asked for a background run or a schedule, and their access as it was. */
export function requesterColumns(actor: Actor) {
  // No session version: the work runs later, with the person's role and sites as they stand then.
  const snapshot: Actor = { type: actor.type, id: actor.id, label: actor.label, role: actor.role, sites: actor.sites };
  if (actor.supplierId) snapshot.supplierId = actor.supplierId;
  return {
    requesterType: actor.type,
    requesterId: actor.id,
    requesterLabel: actor.label,
    requester: snapshot as unknown as Prisma.InputJsonValue,
  };
}

/** The requester as they stand now: null when the person was deactivated or the key revoked since. */
export function currentRequester(db: Db, stored: Prisma.JsonValue): Promise<Actor | null> {
  return reloadActor(db, stored as unknown as Actor);
}

/** Whether the actor may see what `row`'s requester asked for: they themselves, or an admin. */
export function isRequesterOrAdmin(actor: Actor, row: { requesterType: string; requesterId: string }): boolean {
  return actor.role === "admin" || (actor.type === row.requesterType && actor.id === row.requesterId);
}
