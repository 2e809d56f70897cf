import { reconcileChannelNow } from "@/lib/channels/sync-channel-now";
import { reconcileChannelOp } from "@/lib/channels/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(reconcileChannelOp, ({ db, actor, params }) => reconcileChannelNow(db, actor, params.id));
