import { unitOfWork } from "../db/unit-of-work";
import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { Conflict, NotFound } from "../domain-error";
import { reasonCodeInput, type ReasonCodeInput, type ReasonCodeView } from "./schemas";

export class ReasonCodeTaken extends Conflict {
  readonly code = "reason_code_taken";
  constructor(reason: string) {
    super(`The reason code ${reason} already exists`, { reason });
  }
}

export class BuiltInReasonCode extends Conflict {
  readonly code = "built_in_reason_code";
  constructor(reason: string) {
    super(`${reason} is one of the built-in reason codes and stays available`, { reason });
  }
}

const view = { code: true, label: true, builtIn: true, active: true } as const;

/** Every reason code, active first; anyone who may see stock may read them (forms offer them). */
export async function listReasonCodes(db: Db, actor: Actor): Promise<ReasonCodeView[]> {
  authorize(actor, "stock.view");
  return db.reasonCode.findMany({ select: view, orderBy: [{ active: "desc" }, { label: "asc" }] });
}

/** Admins add reason codes beside the built-in ones; codes are never deleted, since movements name them. */
export async function createReasonCode(db: Db, actor: Actor, input: ReasonCodeInput): Promise<ReasonCodeView> {
  authorize(actor, "settings.manage");
  const data = reasonCodeInput.parse(input);
  try {
    return await unitOfWork(db, async (tx) => {
      const created = await tx.reasonCode.create({ data: { code: data.code, label: data.label }, select: view });
      await recordAudit(tx, actor, { action: "reasonCode.create", entityType: "reasonCode", entityId: created.code, after: created });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ReasonCodeTaken(data.code);
    throw error;
  }
}

/** Retires or restores an added code: a retired code is refused for new movements; history keeps it. */
export async function setReasonCodeActive(db: Db, actor: Actor, code: string, active: boolean): Promise<ReasonCodeView> {
  authorize(actor, "settings.manage");
  return unitOfWork(db, async (tx) => {
    const before = await tx.reasonCode.findUnique({ where: { code }, select: view });
    if (!before) throw new NotFound("Reason code", code);
    if (before.builtIn && !active) throw new BuiltInReasonCode(code);
    const after = await tx.reasonCode.update({ where: { code }, data: { active }, select: view });
    await recordAudit(tx, actor, {
      action: active ? "reasonCode.restore" : "reasonCode.retire",
      entityType: "reasonCode",
      entityId: code,
      before,
      after,
    });
    return after;
  });
}
