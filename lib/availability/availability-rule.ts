/**
 * Availability, the one rule: available = on hand − reserved, never below zero, counted only where stock can be
 * promised — storage locations of physical stock, not staging (already picked for an order), quarantine, in
 * transit or the virtual ends, and not lots past their expiry. The SQL function stockroom_sellable (migration
 * *_reservations_and_orders) decides which levels count; everything that shows or promises availability (the
 * API, screens, search, pick lists, transfers, holds) reads it through these fragments.
 *
 * Expects the level as `s`, its location as `loc` and its lot (left-joined) as `lot`.
 */
import { Prisma } from "../db/generated/client";

export const SELLABLE_LEVEL = Prisma.sql`stockroom_sellable(loc.purpose, loc.type, loc."isVirtual", lot."expiresOn")`;

/** A level's available quantity under the rule. */
export const AVAILABLE_OF_LEVEL = Prisma.sql`(CASE WHEN ${SELLABLE_LEVEL} THEN GREATEST(s."onHand" - s.reserved, 0) ELSE 0 END)`;
