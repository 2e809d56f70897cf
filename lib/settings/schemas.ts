import { z } from "zod";
import { COSTING_METHODS } from "../catalog/schemas";
import { decimalAmount } from "../money/decimal-amount";

export const installationSettingsView = z
  .object({
    allowPrivateUrls: z
      .boolean()
      .describe("Whether webhooks and shop channels may call private, loopback and link-local addresses (on-premise installs)"),
    purchaseApprovalLimit: z
      .string()
      .describe("A purchase order worth more than this, in its own currency, is approved by an admin only (decimal string)"),
    costingMethod: z.enum(COSTING_METHODS).describe("How stock is valued where neither the item nor its category names a method"),
    currency: z.string().describe("ISO 4217 code of the valuation's amounts"),
    updatedAt: z.string(),
  })
  .meta({ id: "InstallationSettings" });

export const installationSettingsPatch = z
  .object({
    allowPrivateUrls: z.boolean().optional().describe("Allow URLs that reach private, loopback and link-local addresses"),
    purchaseApprovalLimit: decimalAmount.optional().describe("Above this value a purchase order needs an admin's approval"),
    costingMethod: z
      .enum(COSTING_METHODS)
      .optional()
      .describe("The installation's costing method: items with neither their own nor a category's method are revalued to it"),
    costingFrom: z.iso
      .date()
      .optional()
      .describe("When a new costingMethod takes effect (the revaluations are dated then): today when left out; not in a closed month"),
    currency: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{3}$/, "A three-letter currency code like EUR")
      .transform((code) => code.toUpperCase())
      .optional()
      .describe("ISO 4217 code the valuation reports its amounts in"),
  })
  .strict()
  .meta({ id: "InstallationSettingsPatch" });

/** The settings a change can touch, as a `settings.updated` event names them. */
export const SETTING_FIELDS = ["allowPrivateUrls", "purchaseApprovalLimit", "costingMethod", "currency"] as const;

/**
 * The data of a `settings.updated` event (lib/events/catalogue.ts): the valuation's settings as they are now, and
 * which settings changed. The values of allowPrivateUrls and purchaseApprovalLimit stay out: the poll feed reaches
 * everyone who may see stock, while those are for whoever may manage settings (GET /api/v1/settings).
 */
export const settingsUpdatedData = installationSettingsView.pick({ costingMethod: true, currency: true, updatedAt: true }).extend({
  changed: z.array(z.enum(SETTING_FIELDS)).describe("The settings this change gave another value"),
  costingFrom: z.iso
    .date()
    .nullable()
    .describe("With a new costingMethod: the day it took effect for the stock it revalued; null: when the change was made"),
});

export type InstallationSettingsView = z.infer<typeof installationSettingsView>;
export type SettingsUpdatedData = z.infer<typeof settingsUpdatedData>;
export type InstallationSettingsPatch = z.input<typeof installationSettingsPatch>;
