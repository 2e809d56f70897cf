import { apiRoute } from "@/lib/http/api-route";
import { listReaders } from "@/lib/rfid/list-readers";
import { listReadersOp, registerReaderOp } from "@/lib/rfid/operations";
import { registerReader } from "@/lib/rfid/register-reader";

export const POST = apiRoute(registerReaderOp, ({ db, actor, body }) => registerReader(db, actor, body));

export const GET = apiRoute(listReadersOp, async ({ db, actor }) => ({ data: await listReaders(db, actor) }));
