import { unitOfWork } from "../db/unit-of-work";
import { siteScope, type Actor } from "../auth/actor";
import { authorize, authorizeGrant } from "../auth/can";
import { hashPassword } from "../auth/passwords";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { ClerkNeedsSite, EmailTaken } from "./errors";
import { findUserView } from "./list-users";
import { userInput, type UserInput, type UserView } from "./schemas";
import { siteIdsForCodes } from "./site-ids";

/**
 * Creates a user with a role and sites. Admins only; one limited to some sites may create only users limited to
 * sites among its own (so never an admin, who acts everywhere). Audited without the password.
 */
export async function createUser(db: Db, actor: Actor, input: UserInput): Promise<UserView> {
  authorize(actor, "users.manage");
  const data = userInput.parse(input);
  if (data.role === "clerk" && data.sites.length === 0) throw new ClerkNeedsSite();
  const passwordHash = await hashPassword(data.password);
  try {
    return await unitOfWork(db, async (tx) => {
      const siteIds = await siteIdsForCodes(tx, data.sites);
      authorizeGrant(actor, "users.manage", siteScope(data.role, siteIds));
      const user = await tx.user.create({
        data: {
          email: data.email,
          name: data.name,
          role: data.role,
          passwordHash,
          sites: { create: siteIds.map((siteId) => ({ siteId })) },
        },
      });
      const view = (await findUserView(tx, user.id))!;
      await recordAudit(tx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: view });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new EmailTaken(data.email);
    throw error;
  }
}
