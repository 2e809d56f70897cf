import { siteFilter, type Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import { pickListQuery, type PickListQuery, type PickListSummary } from "./schemas";

const LIMIT = 500;

/** Pick lists at the actor's sites, newest first (the 500 newest). */
export async function listPickLists(db: Db, actor: Actor, query: PickListQuery = {}): Promise<{ data: PickListSummary[] }> {
  authorize(actor, "stock.view");
  const { site, status } = pickListQuery.parse(query);
  const rows = await db.pickList.findMany({
    where: { ...siteFilter(actor), ...(site ? { site: { code: site } } : {}), ...(status ? { status } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      id: true,
      reference: true,
      status: true,
      createdAt: true,
      site: { select: { code: true } },
      lines: { select: { quantity: true, pickedQuantity: true } },
    },
  });
  return {
    data: rows.map((row) => ({
      id: row.id,
      site: row.site.code,
      reference: row.reference,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      lineCount: row.lines.length,
      pickedLines: row.lines.filter((line) => line.pickedQuantity >= line.quantity).length,
    })),
  };
}
