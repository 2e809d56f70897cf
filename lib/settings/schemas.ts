import { z } from "zod";

export const installationSettingsView = z
  .object({
    allowPrivateUrls: z
      .boolean()
      .describe("Whether webhooks and shop channels may call private, loopback and link-local addresses (on-premise installs)"),
    updatedAt: z.string(),
  })
  .meta({ id: "InstallationSettings" });

export const installationSettingsPatch = z
  .object({
    allowPrivateUrls: z.boolean().optional().describe("Allow URLs that reach private, loopback and link-local addresses"),
  })
  .strict()
  .meta({ id: "InstallationSettingsPatch" });

export type InstallationSettingsView = z.infer<typeof installationSettingsView>;
export type InstallationSettingsPatch = z.input<typeof installationSettingsPatch>;
