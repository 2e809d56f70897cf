import { createChannel, listChannels } from "@/lib/channels/manage-channels";
import { createChannelOp, listChannelsOp } from "@/lib/channels/operations";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(createChannelOp, ({ db, actor, body }) => createChannel(db, actor, body));

export const GET = apiRoute(listChannelsOp, ({ db, actor }) => listChannels(db, actor));
