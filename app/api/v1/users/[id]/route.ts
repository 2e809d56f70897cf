import { apiRoute } from "@/lib/http/api-route";
import { updateUserOp } from "@/lib/users/operations";
import { updateUser } from "@/lib/users/update-user";

export const PATCH = apiRoute(updateUserOp, ({ db, actor, params, body }) => updateUser(db, actor, params.id, body));
