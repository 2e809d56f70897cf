import { CsvImport, type ImportKindChoice } from "@/components/import/csv-import";
import { Card, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { ITEM_CSV_COLUMNS, itemCsvTemplate } from "@/lib/catalog/item-csv-row";
import { MAX_CSV_BYTES } from "@/lib/csv/parse-csv";
import { STOCK_CSV_COLUMNS, stockCsvTemplate } from "@/lib/ledger/stock-csv-row";
import { BackLink } from "@/components/ui/back-link";
import { THRESHOLD_CSV_COLUMNS, thresholdCsvTemplate } from "@/lib/thresholds/threshold-csv-row";

export const metadata = { title: "Import and export" };

const dataUrl = (csv: string) => `data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`;

const DOWNLOAD =
  "inline-flex min-h-11 w-full items-center justify-between gap-2 rounded-lg border border-slate-300 bg-white px-4 font-medium hover:bg-slate-100";

export default async function ImportPage() {
  // Opening stock needs stock.move; items need catalog.manage, which every role that has it pairs with stock.move.
  const actor = await requirePageActor("stock.move");
  const kinds: ImportKindChoice[] = [];
  if (can(actor, "catalog.manage")) {
    kinds.push({
      kind: "items",
      label: "Items",
      description: "New catalogue items, with barcodes, category and supplier.",
      columns: ITEM_CSV_COLUMNS.join(", "),
      templateHref: dataUrl(itemCsvTemplate()),
      templateName: "items-template.csv",
    });
  }
  kinds.push({
    kind: "stock",
    label: "Opening stock",
    description: "Stock already on the shelves, received into its locations.",
    columns: STOCK_CSV_COLUMNS.join(", "),
    templateHref: dataUrl(stockCsvTemplate()),
    templateName: "opening-stock-template.csv",
  });
  if (can(actor, "thresholds.manage")) {
    kinds.push({
      kind: "thresholds",
      label: "Thresholds",
      description: "Min, max, reorder point, reorder quantity and safety stock per item and site (site empty: the item-wide default).",
      columns: THRESHOLD_CSV_COLUMNS.join(", "),
      templateHref: dataUrl(thresholdCsvTemplate()),
      templateName: "thresholds-template.csv",
    });
  }
  return (
    <>
      <PageHeader title="Import and export">
        <BackLink href="/items">Back to items</BackLink>
      </PageHeader>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] lg:items-start">
        <CsvImport kinds={kinds} maxBytes={MAX_CSV_BYTES} />
        <Card title="Export">
          <p className="mb-3 text-sm text-slate-600">In the same columns as the import, to edit in a spreadsheet and import again.</p>
          <div className="space-y-2">
            <a href="/api/v1/items/export" download className={DOWNLOAD}>
              Items <span className="text-sm font-normal text-slate-500">CSV</span>
            </a>
            <a href="/api/v1/thresholds/export" download className={DOWNLOAD}>
              Thresholds <span className="text-sm font-normal text-slate-500">CSV, per item and site</span>
            </a>
            <a href="/api/v1/stock/export" download className={DOWNLOAD}>
              Stock on hand <span className="text-sm font-normal text-slate-500">CSV{actor.sites === "all" ? "" : ", your sites"}</span>
            </a>
          </div>
        </Card>
      </div>
    </>
  );
}
