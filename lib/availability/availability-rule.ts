/**
 * Availability, the one rule: available = on hand − reserved, never below zero, counted only where stock can be
 * promised — storage locations of physical stock, not staging (already picked for an order), quarantine, in
 * transit or the virtual ends, and not lots past their expiry. The SQL function stockroom_sellable (migration
 * *_reservations_and_orders) decides which levels count; everything that shows or promises availability (the
 * API, screens, search, pick lists, transfers, holds) reads it through these fragments.
 *
 * SELLABLE_LEVEL and AVAILABLE_OF_LEVEL expect the level as `s`, its location as `loc` and its lot (left-joined)
 * as `lot`; sellableLevel / availableOfLevel take other aliases.
 */
import type { Db, DbTx } from "../db/client";
import { Prisma } from "../db/generated/client";

/** Table aliases of a statement: identifiers from code, never from a request (they go in as raw SQL). */
type Aliases = { level: string; location: string; lot: string };

const ALIAS = /^[a-z][a-z0-9_]*$/;

function checked(aliases: Aliases): Aliases {
  for (const alias of Object.values(aliases)) if (!ALIAS.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return aliases;
}

/** Whether a level may promise stock at all (its location and lot), under other aliases. */
export function sellableLevel(aliases: Omit<Aliases, "level">): Prisma.Sql {
  const { location, lot } = checked({ level: "s", ...aliases });
  return Prisma.raw(`stockroom_sellable(${location}.purpose, ${location}.type, ${location}."isVirtual", ${lot}."expiresOn")`);
}

/** A level's available quantity under the rule, under other aliases. */
export function availableOfLevel(aliases: Aliases): Prisma.Sql {
  const { level } = checked(aliases);
  return Prisma.sql`(CASE WHEN ${sellableLevel(aliases)} THEN GREATEST(${Prisma.raw(`${level}."onHand" - ${level}.reserved`)}, 0) ELSE 0 END)`;
}

export const SELLABLE_LEVEL = sellableLevel({ location: "loc", lot: "lot" });

/** A level's available quantity under the rule. */
export const AVAILABLE_OF_LEVEL = availableOfLevel({ level: "s", location: "loc", lot: "lot" });

/** Available under the rule for each of these levels (by StockLevel id), for reads that list levels through Prisma. */
export async function availableOfLevels(db: Db | DbTx, levelIds: readonly string[]): Promise<Map<string, number>> {
  if (levelIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; available: number }[]>`
    SELECT s.id::text, ${AVAILABLE_OF_LEVEL}::int AS available
    FROM "StockLevel" s JOIN "Location" loc ON loc.id = s."locationId" LEFT JOIN "Lot" lot ON lot.id = s."lotId"
    WHERE s.id = ANY(${[...levelIds]}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row.available]));
}
