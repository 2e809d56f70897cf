import { apiRoute } from "@/lib/http/api-route";
import { getTransfer } from "@/lib/transfers/get-transfer";
import { getTransferOp } from "@/lib/transfers/operations";

export const GET = apiRoute(getTransferOp, ({ db, actor, params }) => getTransfer(db, actor, params.id));
