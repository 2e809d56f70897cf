import { z } from "zod";

/**
 * An amount of money as a decimal string with at most 4 decimals, as the database keeps it (Decimal(18,4)).
 * Money stays a decimal string end to end: a binary float cannot hold most cent amounts exactly.
 */
export const decimalAmount = z
  .union([z.string().trim(), z.number()])
  .transform((value) => (typeof value === "number" ? String(value) : value))
  .pipe(z.string().regex(/^\d{1,14}(\.\d{1,4})?$/, "Enter an amount of 0 or more with at most 4 decimal places"))
  .meta({ example: "12.5000" });
