import { apiRoute } from "@/lib/http/api-route";
import { encodeSgtin96 } from "@/lib/rfid/encode-sgtin";
import { encodeEpcOp } from "@/lib/rfid/operations";

// The body's scheme can only be "sgtin-96" (the operation's schema says so), so it needs no dispatch yet.
export const POST = apiRoute(encodeEpcOp, async ({ body }) => encodeSgtin96(body));
