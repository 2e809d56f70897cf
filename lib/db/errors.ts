/** Whether a Prisma error is PostgreSQL refusing a duplicate (unique_violation, SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  return e?.code === "P2002" || cause?.originalCode === "23505" || cause?.kind === "UniqueConstraintViolation";
}
