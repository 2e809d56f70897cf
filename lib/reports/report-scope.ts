import { Prisma } from "../db/generated/client";
import type { ReportSites } from "./report";

/** `column` is one of the report's sites (nothing to add when the actor acts at every site). */
export function siteCondition(column: Prisma.Sql, sites: ReportSites): Prisma.Sql {
  return sites === "all" ? Prisma.empty : Prisma.sql`AND ${column} = ANY(${[...sites]}::uuid[])`;
}

/** The item's category is `path` or under it ("Tools" takes "Tools > Drills"); nothing when no category is asked. */
export function categoryCondition(categoryId: Prisma.Sql, path: string | undefined): Prisma.Sql {
  if (!path) return Prisma.empty;
  return Prisma.sql`AND ${categoryId} IN (SELECT id FROM "Category" WHERE path = ${path} OR path LIKE ${`${path} > %`})`;
}

/** The period's bounds as instants: from the first day's start to the end of the last (UTC). */
export function periodBounds(filters: { from: string; to: string }): { start: Date; end: Date } {
  const end = new Date(`${filters.to}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return { start: new Date(`${filters.from}T00:00:00Z`), end };
}
