import type { Db } from "../db/client";
import type { Actor } from "./actor";
import { PERMISSIONS, type Permission } from "./permissions";

/** Who the caller is and what it may do: lets a client build its UI without guessing. */
export async function describeActor(db: Db, actor: Actor) {
  const sites: "all" | string[] =
    actor.sites === "all"
      ? "all"
      : (await db.site.findMany({ where: { id: { in: [...actor.sites] } }, select: { code: true }, orderBy: { code: "asc" } })).map((s) => s.code);
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => (PERMISSIONS[p].roles as readonly string[]).includes(actor.role));
  return { type: actor.type, id: actor.id, label: actor.label, role: actor.role, sites, permissions };
}
