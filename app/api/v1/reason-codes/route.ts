import { apiRoute } from "@/lib/http/api-route";
import { createReasonCode, listReasonCodes } from "@/lib/reasons/manage-reason-codes";
import { createReasonCodeOp, listReasonCodesOp } from "@/lib/reasons/operations";

export const GET = apiRoute(listReasonCodesOp, async ({ db, actor }) => ({ data: await listReasonCodes(db, actor) }));

export const POST = apiRoute(createReasonCodeOp, ({ db, actor, body }) => createReasonCode(db, actor, body));
