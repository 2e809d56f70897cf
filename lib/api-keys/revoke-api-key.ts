import { unitOfWork } from "../db/unit-of-work";
import { apiKeyScope, type Actor } from "../auth/actor";
import { authorize, authorizeGrant } from "../auth/can";
import { forgetApiKey } from "../auth/load-actor";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUuid } from "../db/is-uuid";
import { NotFound } from "../domain-error";
import { findApiKeyView } from "./list-api-keys";
import type { ApiKeyView } from "./schemas";

/**
 * Revokes a key at once; revoking a revoked key changes nothing and answers the same. An actor limited to some
 * sites may revoke only keys limited to sites among its own.
 */
export async function revokeApiKey(db: Db, actor: Actor, id: string): Promise<ApiKeyView> {
  authorize(actor, "apiKeys.manage");
  if (!isUuid(id)) throw new NotFound("API key", id);
  return unitOfWork(db, async (tx) => {
    const before = await findApiKeyView(tx, id);
    if (!before) throw new NotFound("API key", id);
    const siteIds = (await tx.apiKeySite.findMany({ where: { apiKeyId: id }, select: { siteId: true } })).map((s) => s.siteId);
    authorizeGrant(actor, "apiKeys.manage", apiKeyScope(before.role, siteIds));
    if (before.revokedAt) return before;
    // Conditional on still being active, so two admins revoking at once audit one revocation.
    const revoked = await tx.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const after = (await findApiKeyView(tx, id))!;
    if (revoked.count === 1) await recordAudit(tx, actor, { action: "apiKey.revoke", entityType: "apiKey", entityId: id, before, after });
    return after;
  }).finally(() => forgetApiKey(id));
}
