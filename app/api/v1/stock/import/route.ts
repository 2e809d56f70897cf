import { decodeCsv } from "@/lib/csv/decode-csv";
import { apiRoute } from "@/lib/http/api-route";
import { importOpeningStockOp } from "@/lib/ledger/import-operations";
import { importOpeningStock } from "@/lib/ledger/import-opening-stock";

export const POST = apiRoute(importOpeningStockOp, ({ db, actor, query, upload }) =>
  importOpeningStock(db, actor, decodeCsv(upload), { mode: query.mode }),
);
