"use client";

import { createColumnHelper, getCoreRowModel, useReactTable, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Pager } from "@/components/ui/pager";
import { useUrlParams } from "@/components/ui/use-url-params";
import type { PurchaseOrderTable as PurchaseOrderTableData } from "@/lib/purchasing/list-purchase-orders";
import type { PurchaseOrderSummary, PurchaseOrderTableParams, PurchaseOrderTableSort } from "@/lib/purchasing/schemas";
import { PURCHASE_ORDER_STATUS_TONE, statusLabel } from "./purchase-order-status";

// The defaults of lib/purchasing/schemas.ts purchaseOrderTableQuery: left out of the URL.
const DEFAULTS = { page: "1", pageSize: "25", sort: "created", dir: "desc" };
const PAGE_SIZES = [10, 25, 50, 100];
const orderHref = (id: string) => `/purchase-orders/${id}`;

const column = createColumnHelper<PurchaseOrderSummary>();
// Column ids are the sorts of PurchaseOrderTableSort; amounts and dates sort most recent or largest first.
const COLUMNS = [
  column.accessor("number", {
    id: "number",
    header: "Number",
    cell: (c) => (
      <Link href={orderHref(c.row.original.id)} className="font-mono font-medium text-brand-700 hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  column.accessor("supplierName", { id: "supplier", header: "Supplier", meta: { wide: true } }),
  column.accessor("site", { id: "site", header: "Site" }),
  column.accessor("status", {
    id: "status",
    header: "Status",
    cell: (c) => <Badge tone={PURCHASE_ORDER_STATUS_TONE[c.getValue()]}>{statusLabel(c.getValue())}</Badge>,
  }),
  column.accessor("expectedAt", { id: "expected", header: "Due", sortDescFirst: true, cell: (c) => c.getValue() ?? "—" }),
  column.accessor("total", {
    id: "total",
    header: "Total",
    sortDescFirst: true,
    meta: { numeric: true },
    cell: (c) => `${c.getValue()} ${c.row.original.currency}`,
  }),
  column.accessor("createdAt", { id: "created", header: "Created", sortDescFirst: true, cell: (c) => c.getValue().slice(0, 10) }),
];

/**
 * The purchase orders, a page at a time: a sortable table on wide screens and cards on phones. Sorting and paging
 * happen on the server (lib/purchasing/list-purchase-orders.ts); their state is in the URL.
 */
export function PurchaseOrderTable({ data, query }: { data: PurchaseOrderTableData; query: PurchaseOrderTableParams }) {
  const { update, hrefFor, navigate, isPending } = useUrlParams(DEFAULTS);
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
    enableSortingRemoval: false,
    enableMultiSort: false,
    pageCount,
    rowCount: data.total,
    getRowId: (row) => row.id,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const [next] = resolve(updater, sorting);
      if (next) update({ sort: next.id as PurchaseOrderTableSort, dir: next.desc ? "desc" : "asc", page: null });
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      update({ page: next.pageIndex + 1, pageSize: next.pageSize });
    },
  });
  const rows = table.getRowModel().rows;

  if (data.total === 0) return <EmptyState title="No purchase orders here">Order from a supplier with “New purchase order”.</EmptyState>;
  return (
    <>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite" data-testid="purchase-order-count">
        {data.total} {data.total === 1 ? "purchase order" : "purchase orders"}
        {isPending ? " · updating…" : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={`Page ${data.page} is past the end of the list`}>
          <Link href={hrefFor({ page: null })} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            Go to the first page
          </Link>
        </EmptyState>
      ) : (
        <div aria-busy={isPending} className={`transition-opacity ${isPending ? "opacity-60" : ""}`}>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white px-3 md:hidden" data-testid="purchase-order-list">
            {rows.map(({ original: o }) => (
              <li key={o.id}>
                <Link href={orderHref(o.id)} className="flex min-h-14 flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-medium">
                    {o.number}{" "}
                    <span className="text-sm text-slate-600">
                      {o.supplierName} → {o.site}
                    </span>
                  </span>
                  <span className="flex items-center gap-2 text-sm text-slate-600 tabular-nums">
                    {o.total} {o.currency}
                    {o.expectedAt && <> · due {o.expectedAt}</>} <Badge tone={PURCHASE_ORDER_STATUS_TONE[o.status]}>{statusLabel(o.status)}</Badge>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          <DataTable table={table} testId="purchase-order-table" className="hidden md:block" />
        </div>
      )}
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
    </>
  );
}
