import { z } from "zod";

export const reasonCodeInput = z
  .object({
    code: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z0-9_-]{1,38}$/, "2–39 letters, digits, - or _, starting with a letter")
      .describe("Stable code used by the API, e.g. quality_hold"),
    label: z.string().trim().min(1, "Enter a label").max(60).describe("What people see, e.g. Quality hold"),
  })
  .meta({ id: "ReasonCodeInput" });

export const reasonCodeView = z.object({ code: z.string(), label: z.string(), builtIn: z.boolean(), active: z.boolean() }).meta({ id: "ReasonCode" });

export type ReasonCodeInput = z.input<typeof reasonCodeInput>;
export type ReasonCodeView = z.infer<typeof reasonCodeView>;
