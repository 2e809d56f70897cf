type AdapterCause = { code?: string; originalCode?: string; detail?: string; kind?: string };

function adapterCause(error: unknown): AdapterCause | undefined {
  return (error as { meta?: { driverAdapterError?: { cause?: AdapterCause } } })?.meta?.driverAdapterError?.cause;
}

/**
 * The SQLSTATE and DETAIL of a failed statement, whichever way it ran: straight on pg (lib/db/prepared.ts),
 * or through Prisma, whose driver adapter keeps PostgreSQL's error as `code`, or as `originalCode` for the
 * errors it names itself.
 */
export function databaseErrorOf(error: unknown): { code?: string; detail?: string } | undefined {
  const direct = error as { code?: unknown; detail?: unknown; severity?: unknown };
  if (typeof direct?.code === "string" && typeof direct.severity === "string") {
    return { code: direct.code, detail: typeof direct.detail === "string" ? direct.detail : undefined };
  }
  const cause = adapterCause(error);
  return cause && { code: cause.code ?? cause.originalCode, detail: cause.detail };
}

/** Whether PostgreSQL refused a duplicate (unique_violation, SQLSTATE 23505), through Prisma or straight from pg. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    (error as { code?: string })?.code === "P2002" ||
    databaseErrorOf(error)?.code === "23505" ||
    adapterCause(error)?.kind === "UniqueConstraintViolation"
  );
}

/**
 * Whether every pooled connection stayed busy for longer than the pool waits (pg-pool's connection timeout):
 * the request did nothing and may simply be tried again, so callers answer 503 rather than 500.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}
