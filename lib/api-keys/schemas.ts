import { z } from "zod";
import { ROLES } from "../auth/permissions";

export const apiKeyInput = z
  .object({
    name: z.string().trim().min(1, "Name the key after the service that will use it").max(120).meta({ example: "order-service" }),
    role: z.enum(ROLES),
    sites: z
      .array(z.string().trim().toUpperCase().min(1))
      .default([])
      .describe("Codes of the sites the key may act at; empty for every site (not for a clerk's key, which must name its sites)"),
    supplier: z
      .string()
      .trim()
      .toUpperCase()
      .min(1)
      .optional()
      .describe("For role supplier, and only for it: the code of the supplier the key acts for (it sees that supplier's purchase orders only)"),
  })
  .superRefine((input, ctx) => {
    if (input.role === "supplier" && !input.supplier)
      ctx.addIssue({ code: "custom", path: ["supplier"], message: "A supplier key names its supplier" });
    if (input.role !== "supplier" && input.supplier)
      ctx.addIssue({ code: "custom", path: ["supplier"], message: "Only a supplier key names a supplier" });
  })
  .meta({ id: "ApiKeyInput" });

export const apiKeyView = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe("The key's first characters, to tell keys apart"),
    role: z.enum(ROLES),
    sites: z.array(z.string()),
    supplier: z.string().nullable().describe("The supplier a supplier key acts for"),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });

export const createdApiKey = apiKeyView
  .extend({
    key: z
      .string()
      .nullable()
      .describe("The secret. Shown in this answer only; only its hash is stored. Null when this answers a retry with the same Idempotency-Key"),
    secretsShownOnce: z.string().optional().describe("Present on a retry's answer: the secret was shown once and is not kept"),
  })
  .meta({ id: "CreatedApiKey" });

export const apiKeyIdParams = z.object({ id: z.uuid("Not an API key id") });

export type ApiKeyInput = z.input<typeof apiKeyInput>;
export type ApiKeyView = z.infer<typeof apiKeyView>;
/** What createApiKey answers: the secret is always there; only a stored replay leaves it out. */
export type CreatedApiKey = ApiKeyView & { key: string };
