import type { DbTx } from "../db/client";
import { categoryPathPrefixes } from "./category-path";

/**
 * The id of the category at `path` (normalised), creating it and any missing ancestors. Safe under concurrency:
 * a category being created by another transaction is waited for and reused rather than refused.
 */
export async function ensureCategory(tx: DbTx, path: string): Promise<string> {
  const prefixes = categoryPathPrefixes(path);
  const existing = await tx.category.findMany({ where: { path: { in: prefixes.map((p) => p.path) } }, select: { id: true, path: true } });
  const idByPath = new Map(existing.map((c) => [c.path, c.id]));
  let parentId: string | null = null;
  for (const prefix of prefixes) {
    let id = idByPath.get(prefix.path);
    if (!id) {
      // skipDuplicates is INSERT … ON CONFLICT DO NOTHING: it blocks on a concurrent insert of the same path
      // and, once that commits, leaves its row for the read below instead of failing our transaction.
      await tx.category.createMany({ data: [{ name: prefix.name, path: prefix.path, parentId }], skipDuplicates: true });
      id = (await tx.category.findUniqueOrThrow({ where: { path: prefix.path }, select: { id: true } })).id;
    }
    parentId = id;
  }
  return parentId!;
}
