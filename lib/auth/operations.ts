import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { ROLES } from "./permissions";

export const meOp = defineOperation({
  id: "getMe",
  method: "GET",
  path: "/api/v1/me",
  tag: "Access",
  permission: "signedIn",
  summary: "Who the caller is: role, sites and permissions",
  response: z
    .object({
      type: z.enum(["user", "apiKey", "system"]),
      id: z.string(),
      label: z.string(),
      role: z.enum(ROLES),
      sites: z.union([z.literal("all"), z.array(z.string())]),
      permissions: z.array(z.string()),
    })
    .meta({ id: "Me" }),
});
