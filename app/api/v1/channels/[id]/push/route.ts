import { pushChannelNow } from "@/lib/channels/sync-channel-now";
import { pushChannelOp } from "@/lib/channels/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(pushChannelOp, ({ db, actor, params }) => pushChannelNow(db, actor, params.id));
