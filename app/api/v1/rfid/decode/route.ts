import { apiRoute } from "@/lib/http/api-route";
import { decodeEpc } from "@/lib/rfid/decode-epc";
import { decodeEpcOp } from "@/lib/rfid/operations";

export const POST = apiRoute(decodeEpcOp, async ({ body }) => decodeEpc(body.epc));
