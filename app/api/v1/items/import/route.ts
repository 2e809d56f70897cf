import { importItems } from "@/lib/catalog/import-items";
import { importItemsOp } from "@/lib/catalog/import-operations";
import { decodeCsv } from "@/lib/csv/decode-csv";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute(importItemsOp, ({ db, actor, query, upload }) => importItems(db, actor, decodeCsv(upload), { mode: query.mode }));
