import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { isApprovalNeeded } from "./approval-limit";
import { transferQuery, type TransferQuery, type TransferSummary } from "./schemas";

const LIMIT = 500;

/** Transfers from or to the actor's sites, newest first (the 500 newest); the site filter is in the query itself. */
export async function listTransfers(db: Db, actor: Actor, query: TransferQuery = {}): Promise<{ data: TransferSummary[] }> {
  authorize(actor, "stock.view");
  const { site, status } = transferQuery.parse(query);
  const where: Prisma.TransferOrderWhereInput = {
    AND: [
      actor.sites === "all" ? {} : { OR: [{ fromSiteId: { in: [...actor.sites] } }, { toSiteId: { in: [...actor.sites] } }] },
      site ? { OR: [{ fromSite: { code: site } }, { toSite: { code: site } }] } : {},
      status ? { status } : {},
    ],
  };
  const rows = await db.transferOrder.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      id: true,
      status: true,
      reference: true,
      value: true,
      createdAt: true,
      fromSite: { select: { code: true } },
      toSite: { select: { code: true } },
      lines: { select: { quantity: true } },
    },
  });
  return {
    data: rows.map((row) => {
      const value = row.value?.toFixed(4) ?? null;
      return {
        id: row.id,
        status: row.status,
        from: row.fromSite.code,
        to: row.toSite.code,
        reference: row.reference,
        value,
        needsApproval: isApprovalNeeded(value),
        lineCount: row.lines.length,
        units: row.lines.reduce((sum, line) => sum + line.quantity, 0),
        createdAt: row.createdAt.toISOString(),
      };
    }),
  };
}
