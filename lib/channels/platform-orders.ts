/**
 * A shop's order webhook as Stockroom needs it: which order, whether it is a new order or a cancellation, its
 * customer and lines. Shopify: `orders/create`, `orders/cancelled` (the Order resource: id, name, email,
 * customer, line_items with sku and quantity, cancelled_at). WooCommerce: `order.created`, `order.updated` (id,
 * number, status, billing, line_items with sku and quantity).
 */
export type PlatformOrder = {
  reference: string;
  action: "create" | "cancel" | "ignore";
  customer: { name: string; email?: string };
  lines: { sku: string | null; quantity: number; title: string }[];
};

type Person = { first_name?: string | null; last_name?: string | null; email?: string | null } | null | undefined;
type Line = { sku?: string | null; quantity?: number; title?: string; name?: string };

const WOO_CANCELLED = new Set(["cancelled", "refunded", "failed", "trash"]);

function nameOf(person: Person, fallback: string) {
  const name = [person?.first_name, person?.last_name].filter(Boolean).join(" ").trim();
  return name || fallback;
}

function email(value: unknown): string | undefined {
  return typeof value === "string" && /^[^@\s]+@[^@\s]+$/.test(value) ? value : undefined;
}

function linesOf(items: unknown): PlatformOrder["lines"] {
  return (Array.isArray(items) ? (items as Line[]) : []).map((line) => ({
    sku: typeof line.sku === "string" && line.sku.trim() ? line.sku.trim() : null,
    quantity: Number(line.quantity ?? 0),
    title: line.title ?? line.name ?? "",
  }));
}

export function shopifyOrderOf(topic: string, order: Record<string, unknown>): PlatformOrder {
  // A polled order has no topic: cancelled_at tells which it is.
  const polled = topic === "" ? (order.cancelled_at ? "orders/cancelled" : "orders/create") : topic;
  const action = polled === "orders/create" ? "create" : polled === "orders/cancelled" ? "cancel" : "ignore";
  const customer = order.customer as Person;
  return {
    reference: String(order.name ?? order.id),
    action,
    customer: { name: nameOf(customer, String(order.email ?? "Shopify customer")), email: email(order.email ?? customer?.email) },
    lines: linesOf(order.line_items),
  };
}

export function wooOrderOf(topic: string, order: Record<string, unknown>): PlatformOrder {
  const status = String(order.status ?? "");
  const isOrderTopic = topic === "order.created" || topic === "order.updated";
  const action = !isOrderTopic ? "ignore" : WOO_CANCELLED.has(status) ? (topic === "order.created" ? "ignore" : "cancel") : "create";
  const billing = order.billing as Person;
  return {
    reference: String(order.number ?? order.id),
    action,
    customer: { name: nameOf(billing, "WooCommerce customer"), email: email(billing?.email) },
    lines: linesOf(order.line_items),
  };
}
