import { createItem } from "@/lib/catalog/create-item";
import { listItems } from "@/lib/catalog/list-items";
import { createItemOp, listItemsOp } from "@/lib/catalog/operations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(listItemsOp, ({ db, actor, query }) => listItems(db, actor, query));

export const POST = apiRoute(createItemOp, ({ db, actor, body }) => createItem(db, actor, body));
