/**
 * The API's reservation in one round trip: stockroom_reserve(jsonb) (migration *_reservation_in_one_statement)
 * claims the key, resolves the item, site and lot, holds the stock and writes the reservation, its allocations,
 * the audit entry and the outbox event — the rules of createReservation and holdStock, in one statement. Concurrent
 * requests share a round trip and a transaction (stockroom_reserve_many, lib/db/grouped-calls.ts), each in a
 * subtransaction of its own, as the ledger's postings do (docs/decisions/0002-ledger-posting-function.md).
 *
 * Measured (docs/BENCHMARKS.md, Reservations): as an interactive transaction a reservation made 19 round trips
 * through Prisma, and the app's CPU for them, not the database, bounded the rate.
 */
import type pg from "pg";
import { v7 as uuidv7 } from "uuid";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { PERMISSIONS } from "../auth/permissions";
import { databaseErrorOf } from "../db/errors";
import { groupedCallsPerPool } from "../db/grouped-calls";
import { IDEMPOTENCY_TTL_DAYS, IdempotencyKeyInUse, IdempotencyKeyReused, type IdempotencyKey } from "../db/idempotency-key";
import { Forbidden, ValidationFailed } from "../domain-error";
import { NotEnoughToReserve } from "./errors";
import { DEFAULT_TTL_SECONDS, type ReservationView } from "./schemas";
import type { reservationInput } from "./schemas";
import type { z } from "zod";

type Request = z.output<typeof reservationInput>;
type Answer = { replayed: boolean; answer: ReservationView };
type Grouped = { json: string; skuKey: string };

/**
 * Allocation ids sent with a request (the database has no UUIDv7, and the view lists allocations in id order,
 * which is the order they were planned in). A hold spanning more levels than this goes the general way.
 */
const ALLOCATION_IDS = 8;

const RESERVE = { name: "stockroom_reserve", text: "SELECT stockroom_reserve($1::jsonb) AS result" };
const RESERVE_MANY = { name: "stockroom_reserve_many", text: "SELECT stockroom_reserve_many($1::jsonb) AS results" };

const groups = groupedCallsPerPool<Grouped, Answer>(
  async (pool, requests) => {
    if (requests.length === 1) {
      const { rows } = await pool.query({ ...RESERVE, values: [requests[0].json] });
      return [rows[0].result];
    }
    // A group holds the levels its reservations lock until it commits: in SKU order, groups take shared levels in
    // one order and do not wait for one another in a cycle.
    const order = requests
      .map((_, i) => i)
      .sort((a, b) => (requests[a].skuKey < requests[b].skuKey ? -1 : requests[a].skuKey > requests[b].skuKey ? 1 : a - b));
    const { rows } = await pool.query({ ...RESERVE_MANY, values: [`[${order.map((i) => requests[i].json).join(",")}]`] });
    const answers: (Answer | Error)[] = new Array(requests.length);
    (rows[0].results as ({ result: Answer } | { error: { code: string; message: string; detail: string | null } })[]).forEach((answered, k) => {
      answers[order[k]] =
        "error" in answered ? new ReserveFailure(answered.error.code, answered.error.message, answered.error.detail) : answered.result;
    });
    return answers;
  },
  // One group at a time, of up to 64: measured against two of up to 32, the hot SKU's answers went from 86% to
  // 110–115% of the spread case's rate, the spread case unchanged (docs/BENCHMARKS.md, Reservations).
  { inFlight: 1, maxGroup: 64 },
);

/** A reservation's error from within a group, with the SQLSTATE and DETAIL it would have raised alone. */
class ReserveFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly detail: string | null,
  ) {
    super(message);
  }
}

/**
 * Reserves as createReservation does, on the pool (no transaction of the caller's). Answers null when the request
 * should go the general way instead: the hold spans more levels than ids were sent, or the attempt met a
 * deadlock or a serialization failure (the general path retries those).
 */
export async function reserveInOneStatement(
  pool: pg.Pool,
  actor: Actor,
  data: Request,
  idempotency: IdempotencyKey | null | undefined,
): Promise<ReservationView | null> {
  authorize(actor, "stock.move"); // the role; the site is checked in the statement, once it is resolved
  const ttl = data.ttlSeconds === undefined ? DEFAULT_TTL_SECONDS : data.ttlSeconds;
  const request = {
    id: uuidv7(),
    allocationIds: Array.from({ length: Math.min(data.quantity, ALLOCATION_IDS) }, () => uuidv7()),
    actor: { type: actor.type, id: actor.id, label: actor.label },
    sites: PERMISSIONS["stock.move"].siteBound && actor.sites !== "all" ? actor.sites : null,
    idempotency: idempotency ? { ...idempotency, ttlDays: IDEMPOTENCY_TTL_DAYS } : null,
    sku: data.sku,
    skuKey: data.sku.toLowerCase(),
    site: data.site,
    lot: data.lot ?? null,
    quantity: data.quantity,
    allowPartial: data.allowPartial ?? false,
    ttlSeconds: ttl,
    reference: data.reference,
    channel: data.channel ?? null,
  };
  let result: Answer;
  try {
    result = await groups(pool).call({ json: JSON.stringify(request), skuKey: request.skuKey });
  } catch (error) {
    const code = (error as { code?: string }).code ?? databaseErrorOf(error)?.code;
    const detail = (error as { detail?: string | null }).detail ?? databaseErrorOf(error)?.detail ?? null;
    if (code === "SR409") throw new NotEnoughToReserve({ ...JSON.parse(detail ?? "{}"), field: "quantity" });
    if (code === "SR421") throw new ValidationFailed(JSON.parse(detail ?? "[]"));
    if (code === "SR403") throw new Forbidden("stock.move", detail ?? undefined);
    if (code === "SR422") throw new IdempotencyKeyReused();
    if (code === "SR423") throw new IdempotencyKeyInUse();
    if (code === "SR498" || code === "40P01" || code === "40001") return null;
    throw error;
  }
  return result.replayed ? { ...result.answer, replayed: true } : result.answer;
}
