// A streamed report read a page at a time through its cursors, as an API client would page through it.
import type { Actor } from "../../lib/auth/actor";
import type { Db } from "../../lib/db/client";
import type { ReportRow } from "../../lib/reports/report";
import { runReport } from "../../lib/reports/run-report";

/** Every page of `limit` rows, in order; fails if a page holds more than `limit` or a cursor repeats. */
export async function readEveryPage(db: Db, actor: Actor, name: string, query: Record<string, unknown>, limit: number): Promise<ReportRow[][]> {
  const pages: ReportRow[][] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await runReport(db, actor, name, query, { limit, cursor });
    if (page.data.length > limit) throw new Error(`a page of ${page.data.length} rows, more than ${limit}`);
    pages.push(page.data);
    cursor = page.next ?? undefined;
    if (cursor !== undefined && seen.has(cursor)) throw new Error(`the cursor ${cursor} came twice`);
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor);
  return pages;
}
