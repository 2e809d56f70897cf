import { addCountScans } from "@/lib/counting/add-count-scans";
import { addCountScansOp } from "@/lib/counting/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(addCountScansOp, ({ db, actor, params, body }) => addCountScans(db, actor, params.id, body.scans));
