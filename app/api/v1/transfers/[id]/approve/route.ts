import { apiRoute } from "@/lib/http/api-route";
import { approveTransfer } from "@/lib/transfers/approve-transfer";
import { approveTransferOp } from "@/lib/transfers/operations";

export const POST = apiRoute(approveTransferOp, ({ db, actor, params, idempotency }) => approveTransfer(db, actor, params.id, { idempotency }));
