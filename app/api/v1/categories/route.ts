import { apiRoute } from "@/lib/http/api-route";
import { addCategory, listCategories } from "@/lib/catalog/manage-categories";
import { addCategoryOp, listCategoriesOp } from "@/lib/catalog/operations";

export const GET = apiRoute(listCategoriesOp, async ({ db, actor }) => ({ data: await listCategories(db, actor) }));

export const POST = apiRoute(addCategoryOp, ({ db, actor, body }) => addCategory(db, actor, body));
