import { getItem } from "@/lib/catalog/get-item";
import { getItemOp, updateItemOp } from "@/lib/catalog/operations";
import { updateItem } from "@/lib/catalog/update-item";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(getItemOp, ({ db, actor, params }) => getItem(db, actor, params.sku));

export const PATCH = apiRoute(updateItemOp, ({ db, actor, params, body }) => updateItem(db, actor, params.sku, body));
