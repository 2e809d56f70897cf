import { apiRoute } from "@/lib/http/api-route";
import { createPickList } from "@/lib/picking/create-pick-list";
import { listPickLists } from "@/lib/picking/list-pick-lists";
import { createPickListOp, listPickListsOp } from "@/lib/picking/operations";

export const POST = apiRoute(createPickListOp, ({ db, actor, body }) => createPickList(db, actor, body));

export const GET = apiRoute(listPickListsOp, ({ db, actor, query }) => listPickLists(db, actor, query));
