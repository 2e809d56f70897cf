import type { Permission } from "@/lib/auth/permissions";

export type NavLink = { href: string; label: string; permission: Permission; icon: keyof typeof ICONS };

/** Every page in the shell, with the permission that opens it; the layout shows only those the actor has. */
export const NAV_LINKS: NavLink[] = [
  { href: "/", label: "Dashboard", permission: "dashboard.view", icon: "home" },
  { href: "/scan", label: "Scan", permission: "stock.view", icon: "scan" },
  { href: "/items", label: "Items", permission: "stock.view", icon: "box" },
  { href: "/stock/move", label: "Move stock", permission: "stock.move", icon: "move" },
  { href: "/orders", label: "Orders", permission: "stock.view", icon: "cart" },
  { href: "/transfers", label: "Transfers", permission: "stock.view", icon: "truck" },
  { href: "/purchase-orders", label: "Purchase orders", permission: "purchasing.view", icon: "cart" },
  { href: "/locations", label: "Locations", permission: "stock.view", icon: "pin" },
  { href: "/categories", label: "Categories", permission: "stock.view", icon: "log" },
  { href: "/reports", label: "Reports", permission: "reports.view", icon: "chart" },
  { href: "/dashboard", label: "Analytics", permission: "reports.view", icon: "chart" },
  { href: "/suppliers", label: "Suppliers", permission: "catalog.manage", icon: "truck" },
  { href: "/reorder-points", label: "Reorder points", permission: "thresholds.manage", icon: "log" },
  { href: "/channels", label: "Channels", permission: "channels.manage", icon: "cart" },
  { href: "/admin/users", label: "Users", permission: "users.manage", icon: "users" },
  { href: "/admin/api-keys", label: "API keys", permission: "apiKeys.manage", icon: "key" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "webhooks.manage", icon: "key" },
  { href: "/admin/audit", label: "Audit log", permission: "audit.view", icon: "log" },
  { href: "/admin/events", label: "Events", permission: "audit.view", icon: "log" },
  { href: "/admin/reason-codes", label: "Reason codes", permission: "settings.manage", icon: "log" },
  { href: "/admin/settings", label: "Settings", permission: "settings.manage", icon: "key" },
];

/** 24×24 outline icon paths. */
export const ICONS = {
  home: "M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10",
  users: "M16 19v-1a4 4 0 00-4-4H6a4 4 0 00-4 4v1M9 10a3 3 0 100-6 3 3 0 000 6zM22 19v-1a4 4 0 00-3-3.9M16 4.1a3 3 0 010 5.8",
  key: "M15 7a4 4 0 11-3.9 4.9L3 20v-3h3v-3h3l1.1-1.1A4 4 0 0115 7z",
  log: "M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01",
  box: "M21 8l-9-5-9 5 9 5 9-5zM3 8v8l9 5 9-5V8M12 13v8",
  move: "M7 7h13l-3-3M17 17H4l3 3",
  more: "M5 12h.01M12 12h.01M19 12h.01",
  truck: "M3 6h11v10H3zM14 10h4l3 3v3h-7M7 19a2 2 0 100-4 2 2 0 000 4zM17 19a2 2 0 100-4 2 2 0 000 4z",
  scan: "M4 7V5a1 1 0 011-1h2M17 4h2a1 1 0 011 1v2M20 17v2a1 1 0 01-1 1h-2M7 20H5a1 1 0 01-1-1v-2M8 8v8M11 8v8M14 8v8M17 8v8",
  cart: "M3 4h2l2.4 10.2a1 1 0 001 .8h9.2a1 1 0 001-.8L20 8H6.2M9 20a1 1 0 100-2 1 1 0 000 2zM18 20a1 1 0 100-2 1 1 0 000 2z",
  chart: "M4 20V10M10 20V4M16 20v-7M21 20H3",
  pin: "M12 21s-7-6.2-7-11a7 7 0 0114 0c0 4.8-7 11-7 11zM12 12a2 2 0 100-4 2 2 0 000 4z",
} as const;
