import { apiRoute } from "@/lib/http/api-route";
import { cancelPickList } from "@/lib/picking/cancel-pick-list";
import { cancelPickListOp } from "@/lib/picking/operations";

export const POST = apiRoute(cancelPickListOp, ({ db, actor, params }) => cancelPickList(db, actor, params.id));
