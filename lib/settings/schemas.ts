import { z } from "zod";
import { decimalAmount } from "../money/decimal-amount";

export const installationSettingsView = z
  .object({
    allowPrivateUrls: z
      .boolean()
      .describe("Whether webhooks and shop channels may call private, loopback and link-local addresses (on-premise installs)"),
    purchaseApprovalLimit: z
      .string()
      .describe("A purchase order worth more than this, in its own currency, is approved by an admin only (decimal string)"),
    updatedAt: z.string(),
  })
  .meta({ id: "InstallationSettings" });

export const installationSettingsPatch = z
  .object({
    allowPrivateUrls: z.boolean().optional().describe("Allow URLs that reach private, loopback and link-local addresses"),
    purchaseApprovalLimit: decimalAmount.optional().describe("Above this value a purchase order needs an admin's approval"),
  })
  .strict()
  .meta({ id: "InstallationSettingsPatch" });

export type InstallationSettingsView = z.infer<typeof installationSettingsView>;
export type InstallationSettingsPatch = z.input<typeof installationSettingsPatch>;
