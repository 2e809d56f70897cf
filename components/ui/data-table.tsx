"use client";

import { flexRender, type Table } from "@tanstack/react-table";

/** What a column may say about its cells: numbers right-aligned in tabular figures; a wide column wraps. */
export type DataColumnMeta = { numeric?: boolean; wide?: boolean };

const ARIA_SORT = { asc: "ascending", desc: "descending" } as const;

function metaOf(column: { columnDef: { meta?: unknown } }): DataColumnMeta {
  return (column.columnDef.meta as DataColumnMeta | undefined) ?? {};
}

export function SortIcon({ direction }: { direction: false | "asc" | "desc" }) {
  return (
    <svg aria-hidden viewBox="0 0 12 16" className={`size-3 shrink-0 ${direction ? "text-brand-700" : "text-slate-300"}`} fill="currentColor">
      {direction !== "desc" ? <path d="M6 1l4 5H2z" /> : null}
      {direction !== "asc" ? <path d="M6 15l4-5H2z" /> : null}
    </svg>
  );
}

/**
 * A TanStack table drawn as an HTML table: a header button per sortable column (aria-sort says the order), one
 * row per row of the row model. Whoever builds `table` decides where sorting and paging happen (the server, for
 * the items and purchase orders; the browser, for a report's rows). Scrolls inside its own box when wide.
 */
export function DataTable<Row>({ table, testId, className = "" }: { table: Table<Row>; testId?: string; className?: string }) {
  return (
    // contain: inline-size keeps a wide table from widening the page: it scrolls inside its own box.
    <div className={`overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm [contain:inline-size] ${className}`}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const { numeric } = metaOf(header.column);
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.getCanSort() ? (sorted ? ARIA_SORT[sorted] : "none") : undefined}
                    className={`whitespace-nowrap px-3 font-semibold ${numeric ? "text-right" : "text-left"}`}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className={`inline-flex min-h-11 min-w-11 items-center gap-1.5 hover:text-slate-900 ${numeric ? "flex-row-reverse" : ""}`}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <SortIcon direction={sorted} />
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50">
              {row.getVisibleCells().map((cell) => {
                const { numeric, wide } = metaOf(cell.column);
                return (
                  <td key={cell.id} className={`h-11 px-3 ${numeric ? "text-right tabular-nums" : ""} ${wide ? "min-w-48" : "whitespace-nowrap"}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
