import { apiRoute } from "@/lib/http/api-route";
import { receiveTransferOp } from "@/lib/transfers/operations";
import { receiveTransfer } from "@/lib/transfers/receive-transfer";

export const POST = apiRoute(receiveTransferOp, ({ db, actor, params, body, idempotency }) =>
  receiveTransfer(db, actor, params.id, body, { idempotency }),
);
