import type { Db, DbTx } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type ChannelLogLevel = "info" | "warn" | "error";

/** One line of a channel's sync log (the platform's errors, unknown SKUs, drift found): shown on the channel page. */
export async function logChannel(db: Db | DbTx, channelId: string, level: ChannelLogLevel, message: string, detail?: unknown): Promise<void> {
  await db.channelLog.create({
    data: { channelId, level, message: message.slice(0, 1000), detail: (detail ?? undefined) as Prisma.InputJsonValue | undefined },
  });
}
