/** Whether PostgreSQL refused a duplicate (unique_violation, SQLSTATE 23505), through Prisma or straight from pg. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  return e?.code === "P2002" || e?.code === "23505" || cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
}

/**
 * Whether every pooled connection stayed busy for longer than the pool waits (pg-pool's connection timeout):
 * the request did nothing and may simply be tried again, so callers answer 503 rather than 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
