import { apiRoute } from "@/lib/http/api-route";
import { createTransfer } from "@/lib/transfers/create-transfer";
import { listTransfers } from "@/lib/transfers/list-transfers";
import { createTransferOp, listTransfersOp } from "@/lib/transfers/operations";

export const POST = apiRoute(createTransferOp, ({ db, actor, body }) => createTransfer(db, actor, body));

export const GET = apiRoute(listTransfersOp, ({ db, actor, query }) => listTransfers(db, actor, query));
