import { unitOfWork } from "../db/unit-of-work";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { hashApiKey, keyPrefix } from "./key-material";

export const BOOTSTRAP_KEY_NAME = "bootstrap (STOCKROOM_BOOTSTRAP_API_KEY)";

/**
 * Creates an admin key with the given value once, so automation can start without the UI. Idempotent under
 * concurrent starts: the unique hash decides, and a second start finds the key already there.
 */
export async function ensureBootstrapApiKey(db: Db, key: string): Promise<"created" | "exists"> {
  if (key.length < 24) throw new Error("STOCKROOM_BOOTSTRAP_API_KEY must be at least 24 characters");
  const hash = hashApiKey(key);
  return unitOfWork(db, async (tx) => {
    const inserted = await tx.apiKey.createMany({
      data: [{ name: BOOTSTRAP_KEY_NAME, role: "admin", prefix: keyPrefix(key), hash }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return "exists";
    const created = await tx.apiKey.findUniqueOrThrow({ where: { hash }, select: { id: true } });
    await recordAudit(
      tx,
      { type: "system", label: "system" },
      {
        action: "apiKey.create",
        entityType: "apiKey",
        entityId: created.id,
        after: { name: BOOTSTRAP_KEY_NAME, role: "admin" },
      },
    );
    return "created";
  });
}
