import type { DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type AuditInput = {
  action: string;
  entityType?: string;
  entityId?: string;
  siteId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

/** Who did it: an Actor, or someone not (yet) known as one (a failed sign-in, the seed, start-up). */
export type AuditActor = { type: "user" | "apiKey" | "anonymous" | "system"; id?: string; label: string };

/**
 * Appends one audit entry. Call it inside the transaction that makes the change, so the change and its record
 * commit or fail together.
 */
export async function recordAudit(tx: DbTx, actor: AuditActor, entry: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType ?? null,
      entityId: entry.entityId ?? null,
      siteId: entry.siteId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      ip: entry.ip ?? null,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
}
