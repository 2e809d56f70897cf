import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db, DbTx } from "../db/client";
import type { ApiKeyView } from "./schemas";

export const apiKeyWithRelations = {
  sites: { select: { site: { select: { code: true } } } },
  createdBy: { select: { email: true } },
  supplier: { select: { code: true } },
} as const;

type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  role: ApiKeyView["role"];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  sites: { site: { code: string } }[];
  createdBy: { email: string } | null;
  supplier: { code: string } | null;
};

export function toApiKeyView(key: ApiKeyRow): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    sites: key.sites.map((s) => s.site.code).sort(),
    supplier: key.supplier?.code ?? null,
    createdBy: key.createdBy?.email ?? null,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export async function findApiKeyView(tx: DbTx, id: string) {
  const key = await tx.apiKey.findUnique({ where: { id }, include: apiKeyWithRelations });
  return key ? toApiKeyView(key) : null;
}

export async function listApiKeys(db: Db, actor: Actor): Promise<ApiKeyView[]> {
  authorize(actor, "apiKeys.manage");
  const keys = await db.apiKey.findMany({
    include: apiKeyWithRelations,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return keys.map(toApiKeyView);
}
