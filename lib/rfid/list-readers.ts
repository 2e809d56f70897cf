import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { ReaderView } from "./schemas";

/** The readers placed at the actor's sites, by reader id and antenna. */
export async function listReaders(db: Db, actor: Actor): Promise<ReaderView[]> {
  authorize(actor, "stock.view");
  const readers = await db.rfidReader.findMany({
    where: actor.sites === "all" ? {} : { location: { siteId: { in: [...actor.sites] } } },
    select: { readerId: true, antenna: true, location: { select: { code: true } } },
    orderBy: [{ readerId: "asc" }, { antenna: "asc" }],
  });
  return readers.map((r) => ({ id: r.readerId, antenna: r.antenna, location: r.location.code }));
}
