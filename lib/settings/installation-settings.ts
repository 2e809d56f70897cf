import type { Actor } from "../auth/actor";
import { authorize } from "../auth/can";
import { recordAudit } from "../audit/record-audit";
import type { Db, DbTx } from "../db/client";
import { unitOfWork } from "../db/unit-of-work";
import { installationSettingsPatch, type InstallationSettingsPatch, type InstallationSettingsView } from "./schemas";

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

export async function updateInstallationSettings(db: Db, actor: Actor, patch: InstallationSettingsPatch): Promise<InstallationSettingsView> {
  authorize(actor, "settings.manage");
  const data = installationSettingsPatch.parse(patch);
  return unitOfWork(db, async (tx) => {
    // Locks the row first, so two admins changing settings at once each audit what they really changed.
    await tx.$queryRaw`SELECT 1 FROM "InstallationSettings" WHERE id = ${ROW} FOR UPDATE`;
    const before = toView(await tx.installationSettings.upsert({ where: { id: ROW }, create: { id: ROW }, update: {} }));
    const after = toView(await tx.installationSettings.update({ where: { id: ROW }, data }));
    await recordAudit(tx, actor, { action: "settings.update", entityType: "settings", entityId: String(ROW), before, after });
    return after;
  });
}

function toView(row: {
  allowPrivateUrls: boolean;
  purchaseApprovalLimit: { toFixed(digits: number): string };
  updatedAt: Date;
}): InstallationSettingsView {
  return {
    allowPrivateUrls: row.allowPrivateUrls,
    purchaseApprovalLimit: row.purchaseApprovalLimit.toFixed(4),
    updatedAt: row.updatedAt.toISOString(),
  };
}
