import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { enqueueEvent } from "../outbox/enqueue-event";
import { revalueItems } from "../valuation/revalue-item";
import {
  installationSettingsPatch,
  SETTING_FIELDS,
  type InstallationSettingsPatch,
  type InstallationSettingsView,
  type SettingsUpdatedData,
} from "./schemas";

// The migration inserts the one row (id 1); the upserts below only guard a database restored without it.
const ROW = 1;

/** Whether outbound calls (webhooks, channels) may reach private addresses; read by rules, no actor needed. */
export async function allowsPrivateUrls(db: Db | DbTx): Promise<boolean> {
  const row = await db.installationSettings.findUnique({ where: { id: ROW }, select: { allowPrivateUrls: true } });
  return row?.allowPrivateUrls ?? false;
}

export async function getInstallationSettings(db: Db, actor: Actor): Promise<InstallationSettingsView> {
  authorize(actor, "settings.manage");
  const row = await db.installationSettings.upsert({ where: { id: ROW }, create: { id: ROW }, update: {} });
  return toView(row);
}

/**
 * Changes the settings given; the others keep their value. Audited, and announced as `settings.updated` in the
 * same transaction when a value really changed (sending what is already set announces nothing).
 */
export async function updateInstallationSettings(db: Db, actor: Actor, patch: InstallationSettingsPatch): Promise<InstallationSettingsView> {
  authorize(actor, "settings.manage");
  const data = installationSettingsPatch.parse(patch);
  return unitOfWork(db, async (tx) => {
    // Locks the row first, so two admins changing settings at once each audit what they really changed.
    await tx.$queryRaw`SELECT 1 FROM "InstallationSettings" WHERE id = ${ROW} FOR UPDATE`;
    const before = toView(await tx.installationSettings.upsert({ where: { id: ROW }, create: { id: ROW }, update: {} }));
    const { costingFrom, ...fields } = data;
    const after = toView(await tx.installationSettings.update({ where: { id: ROW }, data: fields }));
    if (after.costingMethod !== before.costingMethod) await revalueInheritingItems(tx, costingFrom);
    await recordAudit(tx, actor, { action: "settings.update", entityType: "settings", entityId: String(ROW), before, after });
    const changed = SETTING_FIELDS.filter((field) => after[field] !== before[field]);
    if (changed.length > 0) {
      const data: SettingsUpdatedData = {
        costingMethod: after.costingMethod,
        currency: after.currency,
        updatedAt: after.updatedAt,
        changed,
        costingFrom: changed.includes("costingMethod") ? (costingFrom ?? null) : null,
      };
      await enqueueEvent(tx, { type: "settings.updated", aggregateId: "installation", payload: data });
    }
    return after;
  });
}

/**
 * The items valued by the installation's method (neither they nor their category name one) take the new one from
 * `from` (today when left out), with a revaluation entry at every site where they have stock.
 */
async function revalueInheritingItems(tx: DbTx, from: string | undefined) {
  const items = await tx.item.findMany({
    where: { costingMethod: null, OR: [{ categoryId: null }, { category: { costingMethod: null } }], costStates: { some: {} } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await revalueItems(
    tx,
    items.map((item) => item.id),
    from,
  );
}

function toView(row: {
  allowPrivateUrls: boolean;
  purchaseApprovalLimit: { toFixed(digits: number): string };
  costingMethod: InstallationSettingsView["costingMethod"];
  currency: string;
  updatedAt: Date;
}): InstallationSettingsView {
  return {
    allowPrivateUrls: row.allowPrivateUrls,
    purchaseApprovalLimit: row.purchaseApprovalLimit.toFixed(4),
    costingMethod: row.costingMethod,
    currency: row.currency,
    updatedAt: row.updatedAt.toISOString(),
  };
}
