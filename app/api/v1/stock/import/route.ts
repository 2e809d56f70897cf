import { apiRoute } from "@/lib/http/api-route";
import { readCsvBody } from "@/lib/http/read-csv-body";
import { importOpeningStock } from "@/lib/ledger/import-opening-stock";
import { importOpeningStockOp } from "@/lib/ledger/import-operations";

// The operation declares no JSON body, so apiRoute leaves the request's CSV body for the handler to read.
export const POST = apiRoute(importOpeningStockOp, async ({ db, actor, query, request }) =>
  importOpeningStock(db, actor, await readCsvBody(request), { mode: query.mode }),
);
