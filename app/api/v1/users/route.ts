import { apiRoute } from "@/lib/http/api-route";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { createUserOp, listUsersOp } from "@/lib/users/operations";

export const GET = apiRoute(listUsersOp, async ({ db, actor }) => ({ data: await listUsers(db, actor) }));

export const POST = apiRoute(createUserOp, ({ db, actor, body }) => createUser(db, actor, body));
