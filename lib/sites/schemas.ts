import { z } from "zod";

export const siteView = z
  .object({ id: z.string(), code: z.string(), name: z.string(), timezone: z.string(), address: z.string().nullable() })
  .meta({ id: "Site" });

export type SiteView = z.infer<typeof siteView>;
