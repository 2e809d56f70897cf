import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork, RetryableConflict } from "../db/unit-of-work";
import { NotFound } from "../domain-error";
import { InsufficientStock } from "../ledger/errors";
import { postMovements } from "../ledger/post-movement";
import type { MovementInput } from "../ledger/schemas";
import { enqueueEvent } from "../outbox/enqueue-event";
import { countedLocations, findCountView, lockCountSession } from "./count-view";
import { CountMovedMeanwhile, CountNotOpen } from "./errors";
import { planSerialCorrections } from "./plan-serial-corrections";
import { recordScans } from "./record-scans";
import { parseCountScans, type CountLine, type CountScanInput, type CountSubmission } from "./schemas";
import { isUuid } from "../db/is-uuid";
import { displaceHolds } from "../availability/displace-holds";
import { reassessOrders } from "../orders/settle-status";

type Options = { idempotency?: IdempotencyKey | null };
type LockedLevel = {
  id: string;
  itemId: string;
  locationId: string;
  lotId: string | null;
  onHand: number;
  reserved: number;
  location: string;
  sku: string;
  lot: string | null;
};

/**
 * Closes a count: adds the last scans, then sets every bin × item × lot whose count differs from the ledger to
 * the counted quantity, as one posting of count movements (reason "count", reference "COUNT <id>"); serial-
 * tracked items are corrected serial by serial instead (see planSerialCorrections).
 *
 * All in one transaction, so a refused posting leaves the session open with nothing added. The session row is
 * locked (no scans land meanwhile), and so are the ledger's levels under the location, so the expected figures
 * read here are the ones the posting corrects; the ledger still checks each against what it finds.
 * The answer shows the count as it was compared, with status submitted. One unit of work, as confirmPick.
 */
export async function submitCount(
  db: Db,
  actor: Actor,
  sessionId: string,
  input: { scans?: CountScanInput[] } = {},
  options: Options = {},
): Promise<CountSubmission> {
  const scans = parseCountScans(input.scans ?? []);
  if (!isUuid(sessionId)) throw new NotFound("Count", sessionId);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency, timeoutMs: 60_000 }, async (tx): Promise<CountSubmission> => {
    const session = await lockCountSession(tx, sessionId, "update");
    if (!session) throw new NotFound("Count", sessionId);
    authorize(actor, "stock.count", { siteId: session.siteId });
    if (session.status !== "open") throw new CountNotOpen(sessionId, session.status);
    await recordScans(tx, session, scans);

    const locations = await countedLocations(tx, session);
    const levels = await tx.$queryRaw<LockedLevel[]>`
        SELECT l.id, l."itemId", l."locationId", l."lotId", l."onHand", l.reserved, loc.code AS location, i.sku, lt.number AS lot
        FROM "StockLevel" l JOIN "Location" loc ON loc.id = l."locationId" JOIN "Item" i ON i.id = l."itemId" LEFT JOIN "Lot" lt ON lt.id = l."lotId"
        WHERE l."locationId" = ANY(${locations.map((l) => l.id)}::uuid[]) ORDER BY l.id FOR UPDATE OF l`;
    const { view } = (await findCountView(tx, sessionId))!;
    const serialItems = await tx.item.findMany({
      where: { sku: { in: [...new Set(view.lines.map((l) => l.sku))] }, tracking: "serial" },
      select: { id: true, sku: true },
    });
    const isSerialSku = new Set(serialItems.map((i) => i.sku));
    const differences = view.lines.filter((line) => line.difference !== 0 && !isSerialSku.has(line.sku));
    await displaceHoldsBelowCount(tx, actor, session.siteId, differences, levels);
    refuseCountsBelowReserved(differences, levels);
    const reference = `COUNT ${sessionId}`;
    const counted = {
      id: sessionId,
      siteId: session.siteId,
      locationIds: locations.map((l) => l.id),
      codeById: new Map(locations.map((l) => [l.id, l.code])),
    };
    const movements: MovementInput[] = [
      ...differences.map((line) => ({
        kind: "count" as const,
        sku: line.sku,
        quantity: line.counted,
        from: line.location,
        lot: line.lot ?? undefined,
        reason: "count",
        reference,
      })),
      ...(await planSerialCorrections(
        tx,
        actor,
        counted,
        serialItems.map((i) => i.id),
        reference,
      )),
    ];
    const posting = movements.length > 0 ? await postCorrections(tx, actor, sessionId, movements) : null;

    await tx.countSession.update({
      where: { id: sessionId },
      data: { status: "submitted", closedAt: new Date(), postingId: posting?.postingId ?? null },
    });
    const answer: CountSubmission = { count: { ...view, status: "submitted" }, posting };
    const summary = { location: view.location, lines: view.lines.length, movements: movements.length, postingId: posting?.postingId ?? null };
    await recordAudit(tx, actor, {
      action: "count.submit",
      entityType: "countSession",
      entityId: sessionId,
      siteId: session.siteId,
      before: { status: "open" },
      after: summary,
    });
    await enqueueEvent(tx, { type: "count.submitted", siteId: session.siteId, aggregateId: sessionId, payload: summary });
    return answer;
  });
  return result.replayed ? { ...(result.stored as CountSubmission), replayed: true } : result.value;
}

/**
 * A bin counted below what reservations hold there: the holds move to other bins of the site where stock allows,
 * else the reservations hold less and their orders wait for stock again (lib/availability/displace-holds.ts).
 * The counted figure is the truth; promises give way to it. `levels` are updated to what is reserved now.
 */
async function displaceHoldsBelowCount(tx: DbTx, actor: Actor, siteId: string, lines: CountLine[], levels: LockedLevel[]) {
  const orderLineIds: string[] = [];
  for (const line of lines) {
    const level = levels.find((l) => l.location === line.location && l.sku === line.sku && l.lot === line.lot);
    if (!level || line.counted >= level.reserved) continue;
    const displaced = await displaceHolds(tx, actor, {
      levelId: level.id,
      itemId: level.itemId,
      locationId: level.locationId,
      lotId: level.lotId,
      siteId,
      keep: line.counted,
    });
    level.reserved -= displaced.moved + displaced.dropped;
    orderLineIds.push(...displaced.orderLineIds);
  }
  if (orderLineIds.length > 0) await reassessOrders(tx, actor, orderLineIds);
}

/**
 * A count may not set a bin below what is reserved there (what displacing could not move: a hold without
 * allocations). The levels are locked, so this is exact, and it keeps
 * the ledger from refusing the posting for a reason it would then misreport as stock having moved.
 */
function refuseCountsBelowReserved(lines: CountLine[], levels: LockedLevel[]) {
  for (const line of lines) {
    const level = levels.find((l) => l.location === line.location && l.sku === line.sku && l.lot === line.lot);
    if (level && line.counted < level.reserved) {
      throw new InsufficientStock({
        sku: line.sku,
        location: line.location,
        lot: line.lot,
        requested: -line.difference,
        available: level.onHand - level.reserved,
      });
    }
  }
}

async function postCorrections(tx: DbTx, actor: Actor, sessionId: string, movements: MovementInput[]) {
  try {
    // postMovements joins our transaction (a posting is one statement), so it runs on ours.
    const { replayed: _replayed, ...posted } = await postMovements(tx as unknown as Db, actor, movements);
    return posted;
  } catch (error) {
    // Stock moved under the count (a level row created since we locked the others): the ledger leaves the rerun
    // to the outermost unit, which is ours; when reruns run out, say so in the user's words.
    if (error instanceof RetryableConflict) throw RetryableConflict.of(new CountMovedMeanwhile(sessionId));
    throw error;
  }
}
