import { z } from "zod";
import { PERSON_ROLES, ROLES } from "../auth/permissions";
import { MIN_PASSWORD_LENGTH } from "../auth/passwords";

const siteCodes = z
  .array(z.string().trim().toUpperCase().min(1))
  .describe("Codes of the sites the user works at; required for clerks, optional scope for others")
  .meta({ example: ["WH1"] });

export const userInput = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email("Enter a valid e-mail address"))
      .describe("Sign-in e-mail, unique")
      .meta({ example: "ana@example.com" }),
    name: z.string().trim().min(1, "Enter a name").max(120).meta({ example: "Ana Lima" }),
    role: z.enum(PERSON_ROLES).describe("admin | manager | clerk | viewer"),
    password: z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(200),
    sites: siteCodes.default([]),
  })
  .meta({ id: "UserInput" });

export const userUpdate = z
  .object({
    name: z.string().trim().min(1, "Enter a name").max(120).optional(),
    role: z.enum(PERSON_ROLES).optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`).max(200).optional(),
    sites: siteCodes.optional(),
    active: z.boolean().optional().describe("false deactivates: the user can no longer sign in"),
  })
  .meta({ id: "UserUpdate" });

export const userView = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    sites: z.array(z.string()).describe("Codes of assigned sites"),
    lastSignInAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });

export const userIdParams = z.object({ id: z.uuid("Not a user id") });

export type UserInput = z.input<typeof userInput>;
export type UserUpdate = z.input<typeof userUpdate>;
export type UserView = z.infer<typeof userView>;
