import type { DbTx } from "../db/client";
import { compareCount, isMissing, isUnexpected } from "./compare-count";
import type { CountLine, CountView } from "./schemas";
import { isUuid } from "../db/is-uuid";

export type CountSessionRow = { id: string; siteId: string; status: string; location: { id: string; code: string; path: string } };

/** The physical locations a count covers: its location and everything beneath it (by materialised path). */
export async function countedLocations(tx: DbTx, session: Pick<CountSessionRow, "siteId" | "location">) {
  return tx.location.findMany({
    where: {
      siteId: session.siteId,
      isVirtual: false,
      OR: [{ id: session.location.id }, { path: { startsWith: `${session.location.path}/` } }],
    },
    select: { id: true, code: true, type: true },
    orderBy: { code: "asc" },
  });
}

/**
 * A count as the API shows it: expected is the ledger's on hand now under the counted location, counted the
 * sum of the session's scans, one line per location × item × lot that either side has. Null when absent.
 */
export async function findCountView(tx: DbTx, id: string): Promise<{ siteId: string; view: CountView } | null> {
  if (!isUuid(id)) return null;
  const session = await tx.countSession.findUnique({
    where: { id },
    select: {
      id: true,
      siteId: true,
      status: true,
      startedAt: true,
      startedByLabel: true,
      site: { select: { code: true } },
      location: { select: { id: true, code: true, path: true } },
    },
  });
  if (!session) return null;
  const locations = await countedLocations(tx, session);
  // One after the other: inside a transaction every query shares one connection, which takes one at a time.
  const levels = await tx.stockLevel.findMany({
    where: { locationId: { in: locations.map((l) => l.id) }, onHand: { not: 0 } },
    select: { locationId: true, itemId: true, lotId: true, onHand: true },
  });
  const scans = await tx.countScan.groupBy({ by: ["locationId", "itemId", "lotId"], where: { sessionId: id }, _sum: { quantity: true } });
  const comparison = compareCount(
    levels.map((l) => ({ locationId: l.locationId, itemId: l.itemId, lotId: l.lotId, quantity: l.onHand })),
    scans.map((s) => ({ locationId: s.locationId, itemId: s.itemId, lotId: s.lotId, quantity: s._sum.quantity ?? 0 })),
  );
  const items = await tx.item.findMany({
    where: { id: { in: [...new Set(comparison.map((c) => c.itemId))] } },
    select: { id: true, sku: true, name: true },
  });
  const lots = await tx.lot.findMany({
    where: { id: { in: comparison.flatMap((c) => (c.lotId ? [c.lotId] : [])) } },
    select: { id: true, number: true },
  });
  const itemById = new Map(items.map((i) => [i.id, i]));
  const lotById = new Map(lots.map((l) => [l.id, l.number]));
  const codeById = new Map(locations.map((l) => [l.id, l.code]));
  const lines: CountLine[] = comparison
    .map((c) => ({
      location: codeById.get(c.locationId) ?? "?",
      sku: itemById.get(c.itemId)!.sku,
      name: itemById.get(c.itemId)!.name,
      lot: c.lotId ? (lotById.get(c.lotId) ?? null) : null,
      expected: c.expected,
      counted: c.counted,
      difference: c.difference,
    }))
    .sort((a, b) => a.location.localeCompare(b.location) || a.sku.localeCompare(b.sku) || (a.lot ?? "").localeCompare(b.lot ?? ""));
  const bins = locations.filter((l) => l.type === "bin").map((l) => l.code);
  return {
    siteId: session.siteId,
    view: {
      id: session.id,
      site: session.site.code,
      location: session.location.code,
      status: session.status,
      startedAt: session.startedAt.toISOString(),
      startedBy: session.startedByLabel,
      bins: bins.length > 0 ? bins : [session.location.code],
      lines,
      missing: lines.filter(isMissing),
      unexpected: lines.filter(isUnexpected),
    },
  };
}

/** Locks the session row (FOR UPDATE to close it, FOR SHARE to add scans) and answers what the caller needs. */
export async function lockCountSession(tx: DbTx, id: string, mode: "update" | "share"): Promise<CountSessionRow | null> {
  const rows =
    mode === "update"
      ? await tx.$queryRaw<
          { id: string; siteId: string; status: string }[]
        >`SELECT id::text, "siteId"::text, status::text FROM "CountSession" WHERE id = ${id}::uuid FOR UPDATE`
      : await tx.$queryRaw<
          { id: string; siteId: string; status: string }[]
        >`SELECT id::text, "siteId"::text, status::text FROM "CountSession" WHERE id = ${id}::uuid FOR SHARE`;
  if (rows.length === 0) return null;
  const session = await tx.countSession.findUniqueOrThrow({ where: { id }, select: { location: { select: { id: true, code: true, path: true } } } });
  return { ...rows[0], location: session.location };
}
