import { z } from "zod";

// Client-safe (zod only): the board's screen reads its tabs from here, the query (./list-order-board.ts) too.

/**
 * The board's tabs, each a question the floor asks: what to pick now (allocated, no pick done yet), what is
 * late against its promised ship date, what waits on stock (backordered), what can leave now (picked or
 * packed: both may be shipped), and what has gone. A late order shows under "late" and under its status.
 */
export const ORDER_BOARD_TABS = ["pick", "late", "waiting", "ready", "shipped"] as const;
export type OrderBoardTab = (typeof ORDER_BOARD_TABS)[number];

const optionalText = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);

/** Screen state from the URL: values that do not fit fall back to the defaults rather than failing the page. */
export const orderBoardQuery = z.object({
  tab: z.enum(ORDER_BOARD_TABS).default("pick").catch("pick"),
  site: optionalText(64).transform((s) => s?.toUpperCase()),
  channel: optionalText(64),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(100).default(25).catch(25),
});
export type OrderBoardQuery = z.input<typeof orderBoardQuery>;
export type OrderBoardParams = z.output<typeof orderBoardQuery>;
