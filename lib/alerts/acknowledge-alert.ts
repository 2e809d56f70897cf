import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import type { Db } from "../db/client";
import type { IdempotencyKey } from "../db/idempotency-key";
import { isUuid } from "../db/is-uuid";
import { inUnitOfWork } from "../db/unit-of-work";
import { recordAudit } from "../audit/record-audit";
import { NotFound } from "../domain-error";
import { enqueueEvent } from "../outbox/enqueue-event";
import { alertSelect, toAlertView } from "./alert-view";
import { AlertResolved } from "./errors";
import { acknowledgeInput, type AlertView } from "./schemas";

/**
 * Someone has seen the alert and says what is being done: it stays active (and still resolves by itself when its
 * condition clears) but no longer counts as new. A resolved alert cannot be acknowledged (409); acknowledging
 * twice keeps the first acknowledgement's who and when, with the latest note.
 */
export async function acknowledgeAlert(
  db: Db,
  actor: Actor,
  id: string,
  input: { note?: string },
  options: { idempotency?: IdempotencyKey | null } = {},
): Promise<AlertView & { replayed?: boolean }> {
  const data = acknowledgeInput.parse(input);
  authorize(actor, "alerts.acknowledge");
  if (!isUuid(id)) throw new NotFound("Alert", id);
  const result = await inUnitOfWork(db, { idempotency: options.idempotency }, async (tx) => {
    const [locked] = await tx.$queryRaw<{ siteId: string; state: string }[]>`
      SELECT "siteId"::text AS "siteId", state::text FROM "Alert" WHERE id = ${id}::uuid FOR UPDATE`;
    if (!locked || (actor.sites !== "all" && !actor.sites.includes(locked.siteId))) throw new NotFound("Alert", id);
    authorize(actor, "alerts.acknowledge", { siteId: locked.siteId });
    if (locked.state === "resolved") throw new AlertResolved(id);
    const row = await tx.alert.update({
      where: { id },
      data: {
        state: "acknowledged",
        acknowledgeNote: data.note ?? null,
        ...(locked.state === "open"
          ? { acknowledgedAt: new Date(), acknowledgedById: actor.type === "user" ? actor.id : null, acknowledgedByLabel: actor.label }
          : {}),
      },
      select: alertSelect,
    });
    const view = toAlertView(row);
    await recordAudit(tx, actor, {
      action: "alert.acknowledge",
      entityType: "Alert",
      entityId: id,
      siteId: locked.siteId,
      after: { note: data.note ?? null },
    });
    await enqueueEvent(tx, { type: "alert.acknowledged", siteId: locked.siteId, aggregateId: id, payload: view });
    return view;
  });
  return result.replayed ? { ...(result.stored as AlertView), replayed: true } : result.value;
}
