"use client";

import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo, type ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { useUrlParams } from "@/components/ui/use-url-params";
import type { OrderBoard as OrderBoardData, OrderBoardRow } from "@/lib/orders/list-order-board";
import type { OrderBoardParams, OrderBoardTab } from "@/lib/orders/order-board-query";
import { ORDER_STATUS_TONE } from "./order-status";

// The defaults of lib/orders/order-board-query.ts orderBoardQuery: left out of the URL.
const DEFAULTS = { tab: "pick", page: "1", pageSize: "25" };
const CONTROL = "block min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base shadow-sm";
const number = new Intl.NumberFormat("en");
const orderHref = (id: string) => `/orders/${id}`;

const TABS: Record<OrderBoardTab, { label: string; empty: string; next: ReactNode }> = {
  pick: {
    label: "To pick now",
    empty: "Nothing to pick now",
    next: "Orders whose every unit is held show here, earliest promise first. New orders arrive through the API (POST /api/v1/orders).",
  },
  late: {
    label: "Late",
    empty: "Nothing is late",
    next: "Orders past their promised ship date and not yet shipped show here. Keep shipping the earliest promises first.",
  },
  waiting: {
    label: "Waiting on stock",
    empty: "No order waits on stock",
    next: "An order short of stock waits here and is allocated by itself when stock is received, moved in or found.",
  },
  ready: {
    label: "Packed / ready to ship",
    empty: "Nothing is ready to ship",
    next: "Picked and packed orders show here. Open one to ship it with its carrier and tracking number.",
  },
  shipped: { label: "Shipped", empty: "Nothing has shipped yet", next: "Shipped orders show here, the latest first; open one to record a return." },
};

// Typed, not imported: the query's module brings zod, whose start-up probe for eval trips the CSP.
const TAB_ORDER = Object.keys(TABS) as OrderBoardTab[];

const column = createColumnHelper<OrderBoardRow>();
/** The columns, with times in `timeZone`: the server's, so the first render and hydration print the same. */
const columnsIn = (shippedAt: Intl.DateTimeFormat) => [
  column.accessor("number", {
    header: "Order",
    cell: (c) => (
      <Link href={orderHref(c.row.original.id)} className="flex min-h-11 flex-col justify-center py-1 hover:underline">
        <span className="font-mono font-medium text-brand-700">{c.getValue()}</span>
        <span className="max-w-48 truncate text-xs text-slate-600">{c.row.original.reference}</span>
      </Link>
    ),
  }),
  column.accessor("customer", { header: "Customer" }),
  column.accessor("channel", { header: "Channel" }),
  column.accessor("site", { header: "Site", cell: (c) => c.getValue() ?? <span className="text-slate-500">—</span> }),
  column.accessor("promisedShipDate", { header: "Promised", cell: (c) => <Promised row={c.row.original} /> }),
  column.accessor("units", {
    header: "Units",
    meta: { numeric: true },
    cell: (c) => <span title={`${c.row.original.lines} ${c.row.original.lines === 1 ? "line" : "lines"}`}>{number.format(c.getValue())}</span>,
  }),
  column.accessor("backordered", {
    header: "Waiting",
    meta: { numeric: true },
    cell: (c) => (c.getValue() > 0 ? <span className="font-semibold text-amber-800">{number.format(c.getValue())}</span> : "—"),
  }),
  column.accessor("status", { header: "Status", cell: (c) => <Badge tone={ORDER_STATUS_TONE[c.getValue()]}>{c.getValue()}</Badge> }),
  column.accessor("shippedAt", {
    header: "Shipped",
    cell: (c) => (c.getValue() ? `${shippedAt.format(new Date(c.getValue()!))} · ${c.row.original.carrier ?? ""}` : "—"),
  }),
];

function Promised({ row }: { row: OrderBoardRow }) {
  if (!row.promisedShipDate) return <span className="text-slate-500">no date</span>;
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      {row.promisedShipDate}
      {row.isLate ? <Badge tone="red">late</Badge> : null}
    </span>
  );
}

type OrderBoardProps = { board: OrderBoardData; query: OrderBoardParams; sites: { code: string; name: string }[]; timeZone: string };

/**
 * The warehouse's order board: a tab per question (what to pick, what is late, what waits, what can ship, what
 * went), filters by site and channel, a table on wide screens and cards on phones. Filtering and paging happen
 * on the server; this keeps their state in the URL.
 */
export function OrderBoard({ board, query, sites, timeZone }: OrderBoardProps) {
  const { update, hrefFor, navigate, isPending } = useUrlParams(DEFAULTS);
  const shippedAt = useMemo(() => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }), [timeZone]);
  const columns = useMemo(() => columnsIn(shippedAt), [shippedAt]);
  const total = board.counts[query.tab];
  const pageCount = Math.max(1, Math.ceil(total / board.pageSize));
  // This project does not run the React Compiler; nothing here memoises on the table (see item-table.tsx).
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: board.rows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    rowCount: total,
    getRowId: (row) => row.id,
    // Shipped orders show when they left instead of what they wait for; a chosen site or channel needs no column.
    state: {
      columnVisibility: { shippedAt: query.tab === "shipped", backordered: query.tab !== "shipped", site: !query.site, channel: !query.channel },
    },
  });
  const rows = table.getRowModel().rows;
  const isFiltered = Boolean(query.site || query.channel);

  return (
    <>
      <nav aria-label="Order board" className="mb-3 flex flex-wrap gap-2 text-sm" data-testid="board-tabs">
        {TAB_ORDER.map((tab) => (
          <Link
            key={tab}
            href={hrefFor({ tab, page: null })}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              update({ tab, page: null });
            }}
            scroll={false}
            aria-current={tab === query.tab ? "page" : undefined}
            className="inline-flex min-h-11 shrink-0 items-center gap-2 rounded-full border border-slate-300 bg-white px-4 font-medium aria-[current=page]:border-brand-700 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-700"
          >
            {TABS[tab].label}
            <span
              className={`rounded-full px-2 text-xs tabular-nums ${tab === "late" && board.counts.late > 0 ? "bg-red-100 text-red-800" : "bg-slate-100 text-slate-700"}`}
              data-testid={`count-${tab}`}
            >
              {number.format(board.counts[tab])}
            </span>
          </Link>
        ))}
      </nav>

      <div className="mb-3 grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-center">
        <select
          aria-label="Site"
          value={query.site ?? ""}
          onChange={(e) => update({ site: e.target.value, page: null })}
          className={`${CONTROL} sm:w-48`}
        >
          <option value="">All sites</option>
          {sites.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} · {s.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Channel"
          value={query.channel ?? ""}
          onChange={(e) => update({ channel: e.target.value, page: null })}
          className={`${CONTROL} sm:w-48`}
        >
          <option value="">All channels</option>
          {board.channels.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {isPending ? (
          <p role="status" className="col-span-2 flex items-center gap-2 text-sm text-brand-700">
            <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-brand-700 border-t-transparent" />
            Updating…
          </p>
        ) : null}
      </div>

      {rows.length === 0 ? (
        <Empty
          tab={query.tab}
          isFiltered={isFiltered}
          total={total}
          firstPage={hrefFor({ page: null })}
          clearFilters={hrefFor({ site: null, channel: null, page: null })}
        />
      ) : (
        <div aria-busy={isPending} className={`transition-opacity ${isPending ? "opacity-60" : ""}`}>
          <ul className="space-y-2 md:hidden" data-testid="order-cards">
            {rows.map(({ original: order }) => (
              <li key={order.id}>
                <Link
                  href={orderHref(order.id)}
                  className="flex min-h-16 items-center justify-between gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm active:bg-slate-50"
                >
                  <span className="min-w-0">
                    <span className="block font-mono font-medium text-brand-700">{order.number}</span>
                    <span className="block truncate">{order.customer}</span>
                    <span className="block truncate text-sm text-slate-600">
                      {order.site ?? "no site"} · {order.channel} · {order.units} {order.units === 1 ? "unit" : "units"}
                      {order.backordered > 0 ? ` · ${order.backordered} waiting` : ""}
                    </span>
                  </span>
                  <span className="flex shrink-0 flex-col items-end gap-1 text-sm">
                    <Badge tone={ORDER_STATUS_TONE[order.status]}>{order.status}</Badge>
                    {query.tab === "shipped" ? (
                      <span className="text-slate-600">{order.shippedAt ? shippedAt.format(new Date(order.shippedAt)) : ""}</span>
                    ) : (
                      <Promised row={order} />
                    )}
                  </span>
                </Link>
              </li>
            ))}
          </ul>

          <div className="hidden overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm [contain:inline-size] md:block">
            <table className="w-full text-left text-sm" data-testid="order-table">
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                {table.getHeaderGroups().map((group) => (
                  <tr key={group.id}>
                    {group.headers.map((header) => {
                      const numeric = (header.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                      return (
                        <th key={header.id} scope="col" className={`h-11 whitespace-nowrap px-3 font-semibold ${numeric ? "text-right" : ""}`}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                        </th>
                      );
                    })}
                  </tr>
                ))}
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.id} className="hover:bg-slate-50" data-number={row.original.number}>
                    {row.getVisibleCells().map((cell) => {
                      const numeric = (cell.column.columnDef.meta as { numeric?: boolean } | undefined)?.numeric;
                      return (
                        <td
                          key={cell.id}
                          className={`h-11 px-3 ${numeric ? "text-right tabular-nums" : ""} ${cell.column.id === "customer" ? "min-w-32" : "whitespace-nowrap"}`}
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {total > board.pageSize ? (
        <Pager className="mt-4" page={board.page} pageCount={pageCount} hrefFor={(page) => hrefFor({ page })} onNavigate={navigate} />
      ) : null}
    </>
  );
}

function Empty({
  tab,
  isFiltered,
  total,
  firstPage,
  clearFilters,
}: {
  tab: OrderBoardTab;
  isFiltered: boolean;
  total: number;
  firstPage: string;
  clearFilters: string;
}) {
  if (total > 0) {
    return (
      <EmptyState title="This page is past the end of the list">
        <Link href={firstPage} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
          Go to the first page
        </Link>
      </EmptyState>
    );
  }
  return (
    <EmptyState title={TABS[tab].empty}>
      <p>{TABS[tab].next}</p>
      {isFiltered ? (
        <p>
          Only one site or channel is shown:{" "}
          <Link href={clearFilters} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
            show them all
          </Link>
          .
        </p>
      ) : null}
    </EmptyState>
  );
}
