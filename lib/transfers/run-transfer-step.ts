import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { NotFound } from "../domain-error";
import type { IdempotencyKey } from "../db/idempotency-key";
import { inUnitOfWork } from "../db/unit-of-work";
import { enqueueEvent } from "../outbox/enqueue-event";
import type { TransferStatus, TransferStepName, TransferView } from "./schemas";
import { findTransferView } from "./transfer-view";
import { isUuid } from "../db/is-uuid";

export type LockedTransfer = {
  id: string;
  fromSiteId: string;
  toSiteId: string;
  status: TransferStatus;
  reference: string | null;
  value: string | null;
};

/** What a step did: the status it leaves, and each step row to append (with the posting it made, if any). */
export type StepOutcome = {
  status: TransferStatus;
  steps: { step: TransferStepName; postingId: string | null; siteId: string; detail?: unknown }[];
};

type Options = { idempotency?: IdempotencyKey | null };

/**
 * Runs one step of a transfer as one unit of work (lib/db/unit-of-work.ts): lock the transfer row (SELECT … FOR
 * UPDATE, so steps of one transfer run one after another and each sees the status the previous one left), let
 * `take` check and post, then set the status and append, in that same transaction, the step rows, an audit
 * entry and an outbox event (`transfer.<step>`) per step. With an idempotency key, a retry gets the first answer
 * and posts nothing. A deadlock, or stock that moved between planning and posting (`take` throws
 * RetryableConflict), reruns the whole transaction.
 */
export async function runTransferStep(
  db: Db,
  actor: Actor,
  transferId: string,
  options: Options,
  take: (tx: DbTx, transfer: LockedTransfer) => Promise<StepOutcome>,
): Promise<TransferView> {
  if (!isUuid(transferId)) throw new NotFound("Transfer", transferId);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency, timeoutMs: 20_000 }, (tx) =>
    stepInTransaction(tx, actor, transferId, take),
  );
  return result.replayed ? { ...(result.stored as TransferView), replayed: true } : result.value;
}

async function stepInTransaction(
  tx: DbTx,
  actor: Actor,
  transferId: string,
  take: (tx: DbTx, transfer: LockedTransfer) => Promise<StepOutcome>,
): Promise<TransferView> {
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
      action: `transfer.${s.step}`,
      entityType: "transfer",
      entityId: transferId,
      siteId: s.siteId,
      before: { status: transfer.status },
      after: { status: outcome.status, postingId: s.postingId, detail: s.detail ?? null },
    });
    await enqueueEvent(tx, {
      type: `transfer.${s.step}`,
      siteId: s.siteId,
      aggregateId: transferId,
      payload: { ...summary, postingId: s.postingId },
    });
  }
  return view;
}

function toJson(value: unknown) {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as object);
}
