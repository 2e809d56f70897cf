import { apiRoute } from "@/lib/http/api-route";
import { recordReadsOp } from "@/lib/rfid/operations";
import { recordReads } from "@/lib/rfid/record-reads";

export const POST = apiRoute(recordReadsOp, ({ db, actor, body }) => recordReads(db, actor, body));
