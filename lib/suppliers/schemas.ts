import { z } from "zod";
import { decimalAmount } from "../money/decimal-amount";
import { webhookUrl } from "../webhooks/schemas";

export const supplierContact = z.object({
  name: z.string().trim().min(1, "Enter a name").max(200),
  email: z.email("Enter a valid e-mail address").optional(),
  phone: z.string().trim().max(40).optional(),
  role: z.string().trim().max(80).optional().describe("What to call them about, e.g. orders, invoices"),
});

const currency = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "An ISO 4217 code such as EUR");

/** The purchasing terms a supplier is created or changed with. */
const terms = {
  contacts: z.array(supplierContact).max(20).describe("The people to talk to"),
  currency: currency.describe("What its purchase orders are priced in"),
  leadTimeDays: z.number().int().min(0).max(3650).describe("Usual days from order to delivery"),
  minOrderValue: decimalAmount.describe("Smallest order it takes, in its currency (decimal string, exact)"),
  paymentTerms: z.string().trim().min(1).max(200).describe("e.g. 30 days net"),
  orderWebhookUrl: webhookUrl.describe(
    'Where POST /purchase-orders/{id}/send { "via": "webhook" } delivers the order as JSON, signed like webhooks (Standard Webhooks); private and loopback addresses are refused unless the installation allows them',
  ),
};

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
    contacts: terms.contacts.default([]),
    currency: terms.currency.default("EUR"),
    leadTimeDays: terms.leadTimeDays.optional(),
    minOrderValue: terms.minOrderValue.optional(),
    paymentTerms: terms.paymentTerms.optional(),
    orderWebhookUrl: terms.orderWebhookUrl.optional(),
  })
  .meta({ id: "SupplierInput" });

export const supplierUpdate = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(200).optional(),
    email: z.email("Enter a valid e-mail address").nullable().optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    active: z.boolean().optional(),
    contacts: terms.contacts.optional(),
    currency: terms.currency.optional(),
    leadTimeDays: terms.leadTimeDays.nullable().optional(),
    minOrderValue: terms.minOrderValue.nullable().optional(),
    paymentTerms: terms.paymentTerms.nullable().optional(),
    orderWebhookUrl: terms.orderWebhookUrl.nullable().optional().describe("null removes the order webhook and its secret"),
  })
  .meta({ id: "SupplierUpdate" });

export const supplierView = z
  .object({
    code: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    contacts: z.array(z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), role: z.string().optional() })),
    currency: z.string(),
    leadTimeDays: z.number().int().nullable(),
    minOrderValue: z.string().nullable().describe("Decimal string with 4 decimals, exact"),
    paymentTerms: z.string().nullable(),
    items: z.number().int().describe("How many items this supplier sells"),
    orderWebhookUrl: z.string().nullable().describe("Where sent purchase orders are POSTed as signed JSON, if anywhere"),
  })
  .meta({ id: "Supplier" });

/** A created or changed supplier: with the order webhook's secret when this very request made it. */
export const savedSupplier = supplierView
  .extend({
    orderWebhookSecret: z
      .string()
      .nullable()
      .optional()
      .describe(
        "whsec_… to verify order webhook signatures with: present only in the answer that set the first order webhook URL (null on a retry with the same Idempotency-Key)",
      ),
    secretsShownOnce: z.string().optional().describe("Present on a retry's answer: the secret was shown once and is not repeated"),
  })
  .meta({ id: "SavedSupplier" });

export type SupplierInput = z.input<typeof supplierInput>;
export type SupplierUpdate = z.input<typeof supplierUpdate>;
export type SupplierView = z.infer<typeof supplierView>;
export type SavedSupplier = SupplierView & { orderWebhookSecret?: string };
