import { isUuid } from "../db/is-uuid";
import { unitOfWork } from "../db/unit-of-work";
import { siteScope, type Actor } from "../auth/actor";
import { authorize, authorizeGrant } from "../auth/can";
import { endSessions } from "../auth/end-sessions";
import { hashPassword } from "../auth/passwords";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFound } from "../domain-error";
import { CannotChangeOwnAccess, ClerkNeedsSite } from "./errors";
import { findUserView } from "./list-users";
import { userUpdate, type UserUpdate, type UserView } from "./schemas";
import { siteIdsForCodes } from "./site-ids";

/**
 * Changes a user's name, role, sites, password or active flag. The row is locked for the change so two admins
 * editing at once are applied one after the other, each audited with its own before and after. An actor limited
 * to some sites may change only users limited to sites among its own, before and after the change. A new
 * password, a deactivation or a role change ends every session the user has.
 */
export async function updateUser(db: Db, actor: Actor, userId: string, input: UserUpdate): Promise<UserView> {
  authorize(actor, "users.manage");
  if (!isUuid(userId)) throw new NotFound("User", userId);
  const data = userUpdate.parse(input);
  const isSelf = actor.type === "user" && actor.id === userId;
  if (isSelf && (data.active === false || (data.role && data.role !== "admin"))) throw new CannotChangeOwnAccess();
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;

  return unitOfWork(db, async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
    const before = await findUserView(tx, userId);
    if (!before) throw new NotFound("User", userId);
    const siteIdsBefore = (await tx.userSite.findMany({ where: { userId }, select: { siteId: true } })).map((s) => s.siteId);
    authorizeGrant(actor, "users.manage", siteScope(before.role, siteIdsBefore));
    const role = data.role ?? before.role;
    const siteCodes = data.sites ?? before.sites;
    if (role === "clerk" && siteCodes.length === 0) throw new ClerkNeedsSite();
    const siteIds = data.sites ? await siteIdsForCodes(tx, data.sites) : siteIdsBefore;
    authorizeGrant(actor, "users.manage", siteScope(role, siteIds));
    if (data.sites) {
      await tx.userSite.deleteMany({ where: { userId } });
      await tx.userSite.createMany({ data: siteIds.map((siteId) => ({ userId, siteId })) });
    }
    await tx.user.update({
      where: { id: userId },
      data: { name: data.name, role: data.role, active: data.active, passwordHash },
    });
    const isDeactivation = data.active === false && before.active;
    // A new password, a deactivation or a new role: whoever holds a session from before must sign in again.
    const endsSessions = Boolean(passwordHash) || isDeactivation || (data.role !== undefined && data.role !== before.role);
    if (endsSessions) await endSessions(tx, userId);
    const after = (await findUserView(tx, userId))!;
    await recordAudit(tx, actor, {
      action: isDeactivation ? "user.deactivate" : "user.update",
      entityType: "user",
      entityId: userId,
      before,
      after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}), ...(endsSessions ? { sessionsEnded: true } : {}) },
    });
    return after;
  });
}
