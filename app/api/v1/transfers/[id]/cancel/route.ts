import { apiRoute } from "@/lib/http/api-route";
import { cancelTransfer } from "@/lib/transfers/cancel-transfer";
import { cancelTransferOp } from "@/lib/transfers/operations";

export const POST = apiRoute(cancelTransferOp, ({ db, actor, params, idempotency }) => cancelTransfer(db, actor, params.id, { idempotency }));
