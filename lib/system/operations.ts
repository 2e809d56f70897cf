import { z } from "zod";
import { defineOperation } from "../contract/operation";

export const healthOp = defineOperation({
  id: "getHealth",
  method: "GET",
  path: "/api/health",
  tag: "System",
  permission: "public",
  summary: "Liveness and database reachability: 200 when ok, 503 when the database is unreachable",
  response: z.object({ status: z.enum(["ok", "degraded"]), db: z.enum(["ok", "unreachable"]) }).meta({ id: "Health" }),
});
