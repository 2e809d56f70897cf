import { apiRoute } from "@/lib/http/api-route";
import { getPickList } from "@/lib/picking/get-pick-list";
import { getPickListOp } from "@/lib/picking/operations";

export const GET = apiRoute(getPickListOp, ({ db, actor, params }) => getPickList(db, actor, params.id));
