import { Prisma } from "../db/generated/client";

/**
 * What a unit that left to a customer was worth, for ranking items by consumption value (ABC) until movements
 * carry their own valuation: the movement's unit cost, else the preferred (or any) supplier's, else 1 — so an
 * item nobody priced still ranks by its units.
 */
export function consumptionUnitCost(movement: string): Prisma.Sql {
  const m = Prisma.raw(`"${movement}"`);
  return Prisma.sql`coalesce(${m}."unitCost",
    (SELECT s."unitCost" FROM "ItemSupplier" s WHERE s."itemId" = ${m}."itemId" ORDER BY s.preferred DESC LIMIT 1), 1)`;
}
