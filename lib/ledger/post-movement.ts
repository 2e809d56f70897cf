import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { Db } from "../db/client";
import { checkKeyFirst, inSavepoint, isRetryable, isTransaction, RetryableConflict, type IdempotencyKey } from "../db/unit-of-work";
import { ValidationFailed } from "../domain-error";
import { CountChangedMeanwhile, InsufficientStock, MovementRefused, SerialNotAtSource } from "./errors";
import { availableOfLevels } from "../availability/availability-rule";
import { levelSelect, toLevelView } from "./list-stock";
import { planMovement, type PlannedMovement } from "./plan-lines";
import {
  inRequestOrder,
  lotKeyOf,
  PostingLineFailure,
  positionsInOrderOf,
  runPosting,
  type PostingAnswer,
  type PostingLine,
} from "./posting-function";
import { resolveReferences, type References } from "./resolve-references";
import { movementInput, type MovementInput, type PostedMovement } from "./schemas";

/** A plan that read stock (FEFO, a count) is redone this often when the stock moved before it posted. */
const REPLANS = 3;
export const MAX_BATCH = 1_000;

type Options = { idempotency?: IdempotencyKey | null };

/**
 * Posts one movement: resolve, check the kind's rules, then one round trip to the posting function that moves
 * both levels with conditional updates and appends the movement, audit entry, outbox event and idempotency
 * record. Throws InsufficientStock (nothing changed) when the stock is not there.
 */
export async function postMovement(
  db: Db,
  actor: Actor,
  input: MovementInput,
  options: Options = {},
): Promise<PostedMovement & { replayed: boolean }> {
  const parsed = movementInput.parse(input);
  return postPlanned(db, actor, [parsed], `stock.${parsed.kind}`, options, false);
}

/** Posts up to 1,000 movements atomically: all or none; a refusal names the index of the movement at fault. */
export async function postMovements(
  db: Db,
  actor: Actor,
  inputs: MovementInput[],
  options: Options = {},
): Promise<PostedMovement & { replayed: boolean }> {
  if (inputs.length === 0 || inputs.length > MAX_BATCH) {
    throw new ValidationFailed([{ field: "movements", message: `Send 1 to ${MAX_BATCH} movements` }]);
  }
  const parsed = inputs.map((input, index) => {
    const result = movementInput.safeParse(input);
    if (!result.success) {
      throw new ValidationFailed(
        result.error.issues.map((issue) => ({ field: ["movements", index, ...issue.path].join("."), message: issue.message })),
      );
    }
    return result.data;
  });
  return postPlanned(db, actor, parsed, "stock.batch", options, true);
}

async function postPlanned(
  db: Db,
  actor: Actor,
  inputs: ReturnType<typeof movementInput.parse>[],
  action: string,
  options: Options,
  isBatch: boolean,
): Promise<PostedMovement & { replayed: boolean }> {
  const idempotency = options.idempotency ?? null;
  const occurredAt = occurredAtOf(inputs);
  const result = await checkKeyFirst(db, idempotency, () => planAndPost(db, actor, inputs, action, { idempotency, occurredAt }, isBatch));
  return result.replayed ? toPosted(result.stored as PostingAnswer, true) : result.value;
}

/**
 * Plans and posts, again from scratch when the posting met a deadlock or a plan that read stock (FEFO, a count)
 * found it moved. Only when this is the outermost unit: inside a caller's transaction the posting runs under a
 * savepoint (a refusal leaves the caller's transaction usable) and a conflict goes up for the caller's unit of
 * work to run again.
 */
async function planAndPost(
  db: Db,
  actor: Actor,
  inputs: ReturnType<typeof movementInput.parse>[],
  action: string,
  when: PostingWhen,
  isBatch: boolean,
): Promise<PostedMovement & { replayed: boolean }> {
  const refs = await resolveReferences(db, inputs);
  if (isTransaction(db)) return inSavepoint(db, () => planAndPostOnce(db, actor, refs, inputs, action, when, isBatch));
  for (let attempt = 1; ; attempt++) {
    try {
      return await planAndPostOnce(db, actor, refs, inputs, action, when, isBatch);
    } catch (error) {
      if (!isRetryable(error)) throw error;
      if (attempt >= REPLANS) throw error instanceof RetryableConflict && error.refusal ? error.refusal : error;
    }
  }
}

async function planAndPostOnce(
  db: Db,
  actor: Actor,
  refs: References,
  inputs: ReturnType<typeof movementInput.parse>[],
  action: string,
  { idempotency, occurredAt }: PostingWhen,
  isBatch: boolean,
): Promise<PostedMovement & { replayed: boolean }> {
  const plans: PlannedMovement[] = [];
  for (const [index, input] of inputs.entries()) plans.push(await planMovement(db, actor, refs, input, isBatch ? index : undefined));
  const siteIds = new Set(plans.map((p) => p.siteId));
  if (isBatch && siteIds.size > 1) throw new MovementRefused("to", "A batch posts at one site", 0);
  const lines = plans.flatMap((plan) => plan.lines);
  if (lines.length === 0) return answerWithoutPosting(db, plans);
  const order = lockOrder(lines);
  try {
    const { replayed, answer } = await runPosting(db, {
      postingId: randomUUID(),
      action,
      siteId: plans[0].siteId,
      actor,
      idempotency,
      occurredAt,
      lines: order.map((position) => lines[position]),
    });
    // Movements come back in posting order; answer them in the order they were asked for. A replay of the same
    // body plans the same lines, unless FEFO now chooses differently: then the stored order stands.
    const movements = answer.movements.length === order.length ? inRequestOrder(answer.movements, order) : answer.movements;
    return toPosted({ ...answer, movements }, replayed);
  } catch (error) {
    if (!(error instanceof PostingLineFailure)) throw error;
    const { plan, lineOfPlan } = planOfLine(plans, order[error.detail.index]);
    const refusal = domainErrorOf(error, plan, lineOfPlan);
    const raced = plan.readStock && (error.sqlState === "SR411" || error.sqlState === "SR409");
    throw raced ? RetryableConflict.of(refusal) : refusal;
  }
}

type PostingWhen = { idempotency: IdempotencyKey | null; occurredAt: string | null };

/**
 * When the movements happened, if the caller said (one time for a whole batch); a plain date is that day's start
 * (UTC). Not in the future; the posting function refuses a closed month.
 */
export function occurredAtOf(inputs: { occurredAt?: string }[]): string | null {
  const given = inputs[0]?.occurredAt;
  inputs.forEach((input, index) => {
    if (input.occurredAt !== given) {
      throw new ValidationFailed([
        { field: `movements.${index}.occurredAt`, message: "A batch happens at one time: give every movement the same occurredAt, or none" },
      ]);
    }
  });
  if (given === undefined) return null;
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(given) ? `${given}T00:00:00Z` : given);
  if (at.getTime() > Date.now() + 60_000) throw new ValidationFailed([{ field: "occurredAt", message: "It cannot have happened in the future" }]);
  return at.toISOString();
}

/**
 * The order to post lines in: by item, then locations and lot, so that concurrent batches lock the same level
 * rows in the same order and cannot deadlock one another. Positions into `lines`.
 */
export function lockOrder(lines: PostingLine[]): number[] {
  const key = (line: PostingLine) => `${line.itemId}|${line.fromLocationId}|${line.toLocationId}|${lotKeyOf(line)}`;
  return positionsInOrderOf(lines.map(key));
}

function planOfLine(plans: PlannedMovement[], lineIndex: number) {
  let remaining = lineIndex;
  for (const plan of plans) {
    if (remaining < plan.lines.length) return { plan, lineOfPlan: remaining };
    remaining -= plan.lines.length;
  }
  throw new Error(`posting function reported line ${lineIndex}, beyond the posting`);
}

function domainErrorOf(failure: PostingLineFailure, plan: PlannedMovement, lineOfPlan: number) {
  const location = plan.sourceCodes[lineOfPlan];
  const line = plan.lines[lineOfPlan];
  if (failure.sqlState === "SR410")
    return new SerialNotAtSource({ sku: plan.item.sku, location, serials: failure.detail.serials ?? [], index: plan.index });
  if (failure.sqlState === "SR411") return new CountChangedMeanwhile({ sku: plan.item.sku, location });
  return new InsufficientStock({
    sku: plan.item.sku,
    location,
    lot: null,
    requested: failure.detail.requested ?? line.quantity,
    available: failure.detail.available ?? 0,
    index: plan.index,
  });
}

function toPosted(answer: PostingAnswer, replayed: boolean): PostedMovement & { replayed: boolean } {
  return { ...answer, movement: answer.movements[0] ?? null, replayed };
}

/** A count that found the system right posts nothing; answer the level as it stands. */
async function answerWithoutPosting(db: Db, plans: PlannedMovement[]) {
  const levels = await db.stockLevel.findMany({
    where: { OR: plans.map((p) => ({ itemId: p.item.id, location: { code: p.locationCode } })) },
    select: levelSelect,
  });
  const available = await availableOfLevels(
    db,
    levels.map((level) => level.id),
  );
  return {
    postingId: null,
    movement: null,
    movements: [],
    levels: levels.map((level) => toLevelView(level, available)),
    replayed: false,
  };
}
