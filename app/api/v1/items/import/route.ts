import { importItems } from "@/lib/catalog/import-items";
import { importItemsOp } from "@/lib/catalog/import-operations";
import { apiRoute } from "@/lib/http/api-route";
import { readCsvBody } from "@/lib/http/read-csv-body";

// The operation declares no JSON body, so apiRoute leaves the request's CSV body for the handler to read.
export const POST = apiRoute(importItemsOp, async ({ db, actor, query, request }) =>
  importItems(db, actor, await readCsvBody(request), { mode: query.mode }),
);
