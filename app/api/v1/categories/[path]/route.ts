import { apiRoute } from "@/lib/http/api-route";
import { updateCategoryCosting } from "@/lib/catalog/manage-categories";
import { updateCategoryOp } from "@/lib/catalog/operations";

/** "Tools%20%3E%20Drills" and "Tools > Drills" alike: a path holds spaces and ">", so callers encode it. */
function pathOf(raw: string) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export const PATCH = apiRoute(updateCategoryOp, ({ db, actor, params, body }) => updateCategoryCosting(db, actor, pathOf(params.path), body));
