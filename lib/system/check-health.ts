import type { Db } from "../db/client";

export type Health = { status: "ok" | "degraded"; db: "ok" | "unreachable" };

/** Answers within `timeoutMs` even when the database hangs. */
export async function checkHealth(db: Db, timeoutMs = 2_000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("database health check timed out")), timeoutMs);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", db: "ok" };
  } catch {
    return { status: "degraded", db: "unreachable" };
  } finally {
    clearTimeout(timer);
  }
}
