import { apiRoute } from "@/lib/http/api-route";
import { shipTransferOp } from "@/lib/transfers/operations";
import { shipTransfer } from "@/lib/transfers/ship-transfer";

export const POST = apiRoute(shipTransferOp, ({ db, actor, params, body, idempotency }) => shipTransfer(db, actor, params.id, body, { idempotency }));
