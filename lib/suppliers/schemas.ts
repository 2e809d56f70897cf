import { z } from "zod";

export const supplierInput = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9_-]{0,19}$/, "1–20 letters, digits, - or _")
      .describe("Short code, e.g. NFA"),
    name: z.string().trim().min(1, "Enter a name").max(200),
    email: z.email("Enter a valid e-mail address").optional(),
    phone: z.string().trim().max(40).optional(),
  })
  .meta({ id: "SupplierInput" });

export const supplierUpdate = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(200).optional(),
    email: z.email("Enter a valid e-mail address").nullable().optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: "SupplierUpdate" });

export const supplierView = z
  .object({
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    items: z.number().int().describe("How many items this supplier sells"),
  })
  .meta({ id: "Supplier" });

export type SupplierInput = z.input<typeof supplierInput>;
export type SupplierUpdate = z.input<typeof supplierUpdate>;
export type SupplierView = z.infer<typeof supplierView>;
