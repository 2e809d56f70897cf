"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { OrderView } from "@/lib/orders/schemas";

// Spelled out rather than imported: lib/orders/schemas.ts brings zod, whose start-up probe for eval trips the
// CSP. The Record makes the compiler name a status added there and missing here.
const STATUSES: Record<OrderView["status"], true> = {
  backordered: true,
  allocated: true,
  picking: true,
  picked: true,
  packed: true,
  shipped: true,
  cancelled: true,
};
/** The order events the outbox publishes: one per status an order moves to, and its creation. */
const EVENT_TYPES = ["order.created", ...Object.keys(STATUSES).map((status) => `order.${status}`)];

/**
 * Re-renders the page when an order at the person's sites moves on (someone else picks, ships or cancels, stock
 * arrives for a backorder): listens to /api/v1/events/stream, whose events name no order, so any order's step refreshes
 * (a cheap re-read of one page). Bursts cause one refresh.
 */
export function LiveOrders() {
  const router = useRouter();
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const source = new EventSource("/api/v1/events/stream");
    const onEvent = () => {
      if (pending) return;
      pending = setTimeout(() => {
        pending = undefined;
        router.refresh();
      }, 300);
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    return () => {
      source.close();
      clearTimeout(pending);
    };
  }, [router]);
  return null;
}
