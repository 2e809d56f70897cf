import { deleteChannel, getChannel, updateChannel } from "@/lib/channels/manage-channels";
import { deleteChannelOp, getChannelOp, updateChannelOp } from "@/lib/channels/operations";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(getChannelOp, ({ db, actor, params }) => getChannel(db, actor, params.id));

export const PATCH = apiRoute(updateChannelOp, ({ db, actor, params, body }) => updateChannel(db, actor, params.id, body));

export const DELETE = apiRoute(deleteChannelOp, ({ db, actor, params }) => deleteChannel(db, actor, params.id));
