import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyOp, listApiKeysOp } from "@/lib/api-keys/operations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(listApiKeysOp, async ({ db, actor }) => ({ data: await listApiKeys(db, actor) }));

export const POST = apiRoute(createApiKeyOp, ({ db, actor, body }) => createApiKey(db, actor, body));
