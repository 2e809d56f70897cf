import { Prisma } from "../db/generated/client";

/**
 * Movement `alias` happened in [start, end): by `occurredAt`, so late paperwork and opening balances count on the
 * day they happened. The bound on `at` (when recorded) is implied — nothing is recorded before it happened, and
 * `occurredAt` is refused more than a minute ahead of the clock — and lets the `at` indexes find the rows.
 */
export function happenedBetween(alias: string, start: Date, end: Date | null): Prisma.Sql {
  const m = Prisma.raw(`"${alias}"`);
  const until = end === null ? Prisma.empty : Prisma.sql`AND ${m}."occurredAt" < ${end}`;
  return Prisma.sql`(${m}."occurredAt" >= ${start} ${until} AND ${m}.at >= ${new Date(start.getTime() - 60_000)})`;
}
