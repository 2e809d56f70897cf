"use client";

import {
  createColumnHelper,
  getCoreRowModel,
  useReactTable,
  type PaginationState,
  type RowSelectionState,
  type SortingState,
  type Updater,
  type VisibilityState,
} from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, useState } from "react";
import { PrintLabelsButton } from "@/components/labels/print-labels-button";
import { EmptyState } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { useUrlParams } from "@/components/ui/use-url-params";
import type { ItemTable as ItemTableData, ItemTableRow } from "@/lib/catalog/list-item-table";
import type { ItemTableParams, ItemTableSort } from "@/lib/catalog/schemas";
import { ColumnChooser } from "./column-chooser";
import { ItemFilters, type ItemFilterChoices } from "./item-filters";
import { StockStatusBadge } from "./stock-status-badge";
import { useColumnVisibility } from "./use-column-visibility";

// The defaults of lib/catalog/schemas.ts itemTableQuery: left out of the URL.
const DEFAULTS = { page: "1", pageSize: "25", sort: "sku", dir: "asc" };
const PAGE_SIZES = [10, 25, 50, 100];
const HIDDEN_AT_FIRST: VisibilityState = { unit: false, tracking: false, reorderPoint: false };
const number = new Intl.NumberFormat("en");
const itemHref = (sku: string) => `/items/${encodeURIComponent(sku)}`;

const column = createColumnHelper<ItemTableRow>();
const quantity = { meta: { numeric: true }, cell: (c: { getValue: () => number }) => number.format(c.getValue()) };

/** A row's (or, with `indeterminate`, the page's) selection box: the Checkbox, 44 × 44 px itself. */
function SelectBox({
  checked,
  indeterminate = false,
  onChange,
  label,
}: {
  checked: boolean;
  indeterminate?: boolean;
  onChange: (checked: boolean) => void;
  label: string;
}) {
  return <Checkbox aria-label={label} checked={checked} indeterminate={indeterminate} onChange={(e) => onChange(e.target.checked)} />;
}

// Sortable columns carry the ids of ItemTableSort; quantities sort most first on the first tap.
const COLUMNS = [
  column.display({
    id: "select",
    enableHiding: false,
    enableSorting: false,
    header: ({ table }) => (
      <SelectBox
        label="Select every item on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={table.getIsSomePageRowsSelected()}
        onChange={(on) => table.toggleAllPageRowsSelected(on)}
      />
    ),
    cell: ({ row }) => <SelectBox label={`Select ${row.original.sku}`} checked={row.getIsSelected()} onChange={(on) => row.toggleSelected(on)} />,
  }),
  column.accessor("sku", {
    header: "SKU",
    enableHiding: false,
    cell: (c) => (
      <Link href={itemHref(c.getValue())} className="font-mono text-sm font-medium text-brand-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("name", {
    header: "Name",
    enableHiding: false,
    meta: { wide: true },
    cell: (c) => (
      <Link href={itemHref(c.row.original.sku)} className="hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("category", { header: "Category", cell: (c) => c.getValue() ?? <span className="text-slate-400">—</span> }),
  column.accessor("unit", { header: "Unit", enableSorting: false }),
  column.accessor("tracking", { header: "Tracking", enableSorting: false, cell: (c) => (c.getValue() === "none" ? "—" : c.getValue()) }),
  column.accessor("onHand", { header: "On hand", sortDescFirst: true, ...quantity }),
  column.accessor("reserved", { header: "Reserved", enableSorting: false, ...quantity }),
  column.accessor("available", { header: "Available", sortDescFirst: true, ...quantity }),
  column.accessor("reorderPoint", { header: "Reorder point", enableSorting: false, ...quantity }),
  column.accessor("status", { header: "Status", enableSorting: false, cell: (c) => <StockStatusBadge status={c.getValue()} /> }),
];

type ItemTableProps = { data: ItemTableData; query: ItemTableParams; choices: ItemFilterChoices };

/**
 * The items screen: filters, a sortable table on wide screens and cards on phones, and a pager. Sorting,
 * filtering and paging happen on the server; this keeps their state in the URL and asks for the next answer.
 */
export function ItemTable({ data, query, choices }: ItemTableProps) {
  const { update, hrefFor, navigate, isPending } = useUrlParams(DEFAULTS);
  const [columnVisibility, setColumnVisibility] = useColumnVisibility("stockroom.items.columns", HIDDEN_AT_FIRST);
  // Keyed by SKU (getRowId), so a selection survives paging and sorting: pick labels from several pages.
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const selectedSkus = Object.keys(rowSelection).filter((sku) => rowSelection[sku]);
  const sorting: SortingState = useMemo(() => [{ id: query.sort, desc: query.dir === "desc" }], [query.sort, query.dir]);
  const pagination: PaginationState = { pageIndex: data.page - 1, pageSize: data.pageSize };
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize));

  const resolve = <T,>(updater: Updater<T>, current: T): T => (typeof updater === "function" ? (updater as (old: T) => T)(current) : updater);
  // The rule warns that the React Compiler cannot memoise around TanStack Table's mutable table object. This
  // project does not run the compiler, and nothing here memoises on the table.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: data.rows,
    columns: COLUMNS,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    pageCount,
    rowCount: data.total,
    getRowId: (row) => row.sku,
    enableRowSelection: true,
    state: { sorting, pagination, columnVisibility, rowSelection },
    onRowSelectionChange: setRowSelection,
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) update({ sort: next.id as ItemTableSort, dir: next.desc ? "desc" : "asc", page: null });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      update({ page: next.pageIndex + 1, pageSize: next.pageSize });
    },
    onColumnVisibilityChange: (updater) => setColumnVisibility(resolve(updater, columnVisibility)),
  });

  const isFiltered = Boolean(query.q || query.category || query.supplier || query.site || query.status);
  const rows = table.getRowModel().rows;

  return (
    <>
      <ItemFilters query={query} choices={choices} onChange={update} extra={<ColumnChooser columns={table.getAllLeafColumns()} />} />

      <div className="mb-2 flex min-h-6 flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
        <p aria-live="polite" data-testid="item-count">
          {number.format(data.total)} {data.total === 1 ? "item" : "items"}
          {query.site ? ` · stock at ${query.site}` : ""}
        </p>
        {selectedSkus.length > 0 ? (
          <span className="flex items-start gap-2" data-testid="item-selection">
            <PrintLabelsButton kind="item" refs={selectedSkus} />
            <button type="button" onClick={() => setRowSelection({})} className="min-h-11 px-2 font-medium text-brand-700">
              Clear
            </button>
          </span>
        ) : null}
        {isPending ? (
          <p role="status" className="flex items-center gap-2 text-brand-700">
            <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
            Updating…
          </p>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <Empty isFiltered={isFiltered} page={data.page} total={data.total} firstPage={hrefFor({ page: null })} />
      ) : (
        <div aria-busy={isPending} className={`transition-opacity ${isPending ? "opacity-60" : ""}`}>
          <ul className="space-y-2 md:hidden" data-testid="item-cards">
            {rows.map((row) => {
              const item = row.original;
              return (
                <li key={row.id} className="flex items-center gap-1">
                  <SelectBox label={`Select ${item.sku}`} checked={row.getIsSelected()} onChange={(on) => row.toggleSelected(on)} />
                  <Link
                    href={itemHref(item.sku)}
                    className="flex min-h-16 min-w-0 flex-1 items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm active:bg-slate-50"
                  >
                    <span className="min-w-0">
                      <span className="line-clamp-2 font-medium">{item.name}</span>
                      <span className="block truncate font-mono text-sm text-slate-500">{item.sku}</span>
                    </span>
                    <span className="flex shrink-0 flex-col items-end gap-1">
                      <span className="font-semibold tabular-nums">
                        {number.format(item.available)} <span className="text-xs font-normal text-slate-500">{item.unit}</span>
                      </span>
                      <StockStatusBadge status={item.status} />
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>

          <DataTable table={table} testId="item-table" className="hidden md:block" />
        </div>
      )}

      {data.total > 0 ? (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <Pager page={data.page} pageCount={pageCount} hrefFor={(page) => hrefFor({ page })} onNavigate={navigate} />
          <label className="hidden items-center gap-2 text-sm text-slate-600 md:flex">
            Rows per page
            <select
              value={data.pageSize}
              onChange={(e) => table.setPagination({ pageIndex: 0, pageSize: Number(e.target.value) })}
              className="min-h-11 rounded-lg border border-slate-300 bg-white px-2 text-base"
            >
              {PAGE_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        </div>
      ) : null}
    </>
  );
}

function Empty({ isFiltered, page, total, firstPage }: { isFiltered: boolean; page: number; total: number; firstPage: string }) {
  if (total > 0) {
    return (
      <EmptyState title={`Page ${page} is past the end of the list`}>
        <Link href={firstPage} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          Go to the first page
        </Link>
      </EmptyState>
    );
  }
  if (isFiltered) {
    return (
      <EmptyState title="No items match the search and filters">
        Try a shorter part of the SKU or name, loosen a filter, or{" "}
        <Link href="/items" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          clear all filters
        </Link>
        .
      </EmptyState>
    );
  }
  return (
    <EmptyState title="The catalogue is empty">
      Items are added by a manager or an admin through the API (<code>POST /api/v1/items</code>); the{" "}
      {/* A route handler serving Swagger UI, not a page of the app: a full page load is right here. */}
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
      <a href="/api/docs" className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
        API docs
      </a>{" "}
      show how. Once there are items, they are listed here with their stock.
    </EmptyState>
  );
}
