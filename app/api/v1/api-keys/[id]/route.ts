import { revokeApiKeyOp } from "@/lib/api-keys/operations";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiRoute } from "@/lib/http/api-route";

export const DELETE = apiRoute(revokeApiKeyOp, ({ db, actor, params }) => revokeApiKey(db, actor, params.id));
