import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { NotFound, type DomainError } from "../domain-error";
import { claimIdempotencyKey, settleIdempotencyKey, type IdempotencyContext } from "../http/idempotency";
import { DeadlockDetected } from "../ledger/posting-function";
import { enqueueEvent } from "../outbox/enqueue-event";
import type { TransferStatus, TransferStepName, TransferView } from "./schemas";
import { findTransferView } from "./transfer-view";
import { isUuid } from "../db/is-uuid";

export type LockedTransfer = {
  id: string; fromSiteId: string; toSiteId: string; status: TransferStatus; reference: string | null; value: string | null;
};

/** What a step did: the status it leaves, and each step row to append (with the posting it made, if any). */
export type StepOutcome = {
  status: TransferStatus;
  steps: { step: TransferStepName; postingId: string | null; siteId: string; detail?: unknown }[];
};

/** A plan that read stock found it gone when it posted: worth planning again from scratch (a fresh transaction). */
export class StockMovedMeanwhile extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}

const ATTEMPTS = 3;

type Options = { idempotency?: IdempotencyContext | null };

/**
 * Runs one step of a transfer in one transaction: claim the Idempotency-Key, lock the transfer row (SELECT … FOR
 * UPDATE, so steps of one transfer run one after another and each sees the status the previous one left), let
 * `take` check and post, then set the status and append, in that same transaction, the step rows, an audit
 * entry and an outbox event (`transfer.<step>`) per step, and the key's stored answer. A retry with the key gets
 * that answer and posts nothing; a concurrent twin waits on the key's row, then replays.
 * A deadlock, or stock that moved between planning and posting, reruns the whole transaction (at most 3 times).
 */
export async function runTransferStep(
  db: Db, actor: Actor, transferId: string, options: Options, take: (tx: DbTx, transfer: LockedTransfer) => Promise<StepOutcome>,
): Promise<TransferView> {
  if (!isUuid(transferId)) throw new NotFound("Transfer", transferId);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => stepInTransaction(tx, actor, transferId, options, take), { maxWait: 10_000, timeout: 20_000 });
    } catch (error) {
      const retry = attempt < ATTEMPTS && (error instanceof DeadlockDetected || error instanceof StockMovedMeanwhile);
      if (retry) continue;
      if (error instanceof StockMovedMeanwhile) throw error.refusal;
      throw error;
    }
  }
}

async function stepInTransaction(
  tx: DbTx, actor: Actor, transferId: string, options: Options, take: (tx: DbTx, transfer: LockedTransfer) => Promise<StepOutcome>,
): Promise<TransferView> {
  if (options.idempotency) {
    const claim = await claimIdempotencyKey(tx as unknown as Db, options.idempotency);
    if (claim.kind === "replay") return { ...(claim.answer.body as TransferView), replayed: true };
  }
  const [transfer] = await tx.$queryRaw<LockedTransfer[]>`
    SELECT id::text, "fromSiteId"::text, "toSiteId"::text, status::text AS status, reference, value::text AS value
    FROM "TransferOrder" WHERE id = ${transferId}::uuid FOR UPDATE`;
  if (!transfer) throw new NotFound("Transfer", transferId);

  const outcome = await take(tx, transfer);
  await tx.transferOrder.update({ where: { id: transferId }, data: { status: outcome.status } });
  await tx.transferStep.createMany({
    data: outcome.steps.map((s) => ({ transferId, step: s.step, postingId: s.postingId, actorLabel: actor.label, detail: toJson(s.detail) })),
  });
  const { view } = (await findTransferView(tx, transferId))!;
  const { steps: _steps, ...summary } = view;
  for (const s of outcome.steps) {
    await recordAudit(tx, actor, {
      action: `transfer.${s.step}`, entityType: "transfer", entityId: transferId, siteId: s.siteId,
      before: { status: transfer.status }, after: { status: outcome.status, postingId: s.postingId, detail: s.detail ?? null },
    });
    await enqueueEvent(tx, { type: `transfer.${s.step}`, siteId: s.siteId, aggregateId: transferId, payload: { ...summary, postingId: s.postingId } });
  }
  if (options.idempotency) await settleIdempotencyKey(tx as unknown as Db, options.idempotency, { status: 200, body: view });
  return view;
}

function toJson(value: unknown) {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as object);
}
