/**
 * Who may do what, as data. Every check in the app goes through can() in ./can.ts, which reads this table;
 * nothing else looks at roles. A permission marked site-bound is further limited to the actor's sites.
 */
export const ROLES = ["admin", "manager", "clerk", "viewer", "supplier"] as const;
export type RoleName = (typeof ROLES)[number];
/** The roles a person can have; `supplier` is for API keys only, each bound to one supplier (Actor.supplierId). */
export const PERSON_ROLES = ["admin", "manager", "clerk", "viewer"] as const satisfies readonly RoleName[];

export const PERMISSIONS = {
  "dashboard.view": { roles: ["admin", "manager", "clerk", "viewer"], siteBound: false },
  "stock.view": { roles: ["admin", "manager", "clerk", "viewer"], siteBound: true },
  "stock.move": { roles: ["admin", "manager", "clerk"], siteBound: true },
  "stock.count": { roles: ["admin", "manager", "clerk"], siteBound: true },
  "stock.approve": { roles: ["admin", "manager"], siteBound: true },
  "catalog.manage": { roles: ["admin", "manager"], siteBound: false },
  "locations.manage": { roles: ["admin", "manager"], siteBound: true },
  "reports.view": { roles: ["admin", "manager", "viewer"], siteBound: false },
  // E-mailing a report on a schedule (lib/reports/report-schedules.ts): it runs with its maker's access.
  "reports.schedule": { roles: ["admin", "manager"], siteBound: false },
  "valuation.close": { roles: ["admin", "manager"], siteBound: false },
  "alerts.acknowledge": { roles: ["admin", "manager", "clerk"], siteBound: true },
  "thresholds.manage": { roles: ["admin", "manager"], siteBound: true },
  "purchasing.manage": { roles: ["admin", "manager"], siteBound: true },
  // Reading purchase orders: a supplier's key sees only its own supplier's (lib/purchasing filters by supplierId).
  "purchasing.view": { roles: ["admin", "manager", "clerk", "viewer", "supplier"], siteBound: true },
  // The supplier's side of a purchase order (confirm, advance shipping notice); buyers may record it for them.
  "purchasing.supply": { roles: ["admin", "manager", "supplier"], siteBound: true },
  // Receiving more than a purchase order line ordered.
  "purchasing.overReceive": { roles: ["admin", "manager"], siteBound: true },
  "users.manage": { roles: ["admin"], siteBound: false },
  "apiKeys.manage": { roles: ["admin"], siteBound: false },
  "audit.view": { roles: ["admin"], siteBound: false },
  "settings.manage": { roles: ["admin"], siteBound: false },
  "webhooks.manage": { roles: ["admin"], siteBound: false },
  "channels.manage": { roles: ["admin", "manager"], siteBound: false },
} as const satisfies Record<string, { roles: readonly RoleName[]; siteBound: boolean }>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLE_DESCRIPTIONS: Record<RoleName, string> = {
  admin: "Everything, including users, API keys, webhooks, settings and the audit log",
  manager: "All inventory work, approvals, reports, thresholds and purchasing",
  clerk: "Receive, move, pick, count and scan, only at the sites they are assigned",
  viewer: "Read only",
  supplier: "API keys only: its own supplier's purchase orders (read, confirm, advance shipping notices), nothing else",
};
export type PersonRole = (typeof PERSON_ROLES)[number];
