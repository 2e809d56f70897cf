import { meOp } from "@/lib/auth/operations";
import { describeActor } from "@/lib/auth/describe-actor";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(meOp, ({ db, actor }) => describeActor(db, actor));
