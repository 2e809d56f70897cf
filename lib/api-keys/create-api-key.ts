import { unitOfWork } from "../db/unit-of-work";
import { apiKeyScope, type Actor } from "../auth/actor";
import { authorize, authorizeGrant } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { ValidationFailed } from "../domain-error";
import { ClerkNeedsSite } from "../users/errors";
import { siteIdsForCodes } from "../users/site-ids";
import { hashApiKey, keyPrefix, newApiKey } from "./key-material";
import { findApiKeyView } from "./list-api-keys";
import { apiKeyInput, type ApiKeyInput, type CreatedApiKey } from "./schemas";

/**
 * Makes a key for another service. The secret is returned this once; only its SHA-256 is kept. An actor limited
 * to some sites may make keys only for sites among its own (authorizeGrant).
 */
export async function createApiKey(db: Db, actor: Actor, input: ApiKeyInput): Promise<CreatedApiKey> {
  authorize(actor, "apiKeys.manage");
  const data = apiKeyInput.parse(input);
  // A key without sites acts at every site; a clerk acts only where assigned, so a clerk's key names its sites.
  if (data.role === "clerk" && data.sites.length === 0) throw new ClerkNeedsSite();
  const key = newApiKey();
  return unitOfWork(db, async (tx) => {
    const siteIds = await siteIdsForCodes(tx, data.sites);
    const supplierId = data.supplier ? await supplierIdOf(tx, data.supplier) : null;
    authorizeGrant(actor, "apiKeys.manage", apiKeyScope(data.role, siteIds));
    const created = await tx.apiKey.create({
      data: {
        name: data.name,
        role: data.role,
        prefix: keyPrefix(key),
        hash: hashApiKey(key),
        createdById: actor.type === "user" ? actor.id : null,
        supplierId,
        sites: { create: siteIds.map((siteId) => ({ siteId })) },
      },
    });
    const view = (await findApiKeyView(tx, created.id))!;
    await recordAudit(tx, actor, { action: "apiKey.create", entityType: "apiKey", entityId: created.id, after: view });
    return { ...view, key };
  });
}

async function supplierIdOf(tx: DbTx, code: string): Promise<string> {
  const supplier = await tx.supplier.findUnique({ where: { code }, select: { id: true } });
  if (!supplier) throw new ValidationFailed([{ field: "supplier", message: `No supplier has the code ${code}` }]);
  return supplier.id;
}
