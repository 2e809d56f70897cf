import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { siteScope } from "./actor";
import { authorize, authorizeGrant, can } from "./can";
import { PERMISSIONS, ROLES, type Permission } from "./permissions";

const actor = (role: Actor["role"], sites: Actor["sites"] = "all"): Actor => ({ type: "user", id: "u1", label: "u@example.com", role, sites });

describe("can", () => {
  it("lets only admins manage users, API keys and the audit log", () => {
    for (const permission of ["users.manage", "apiKeys.manage", "audit.view", "settings.manage", "webhooks.manage"] as Permission[]) {
      expect(ROLES.filter((role) => can(actor(role), permission))).toEqual(["admin"]);
    }
  });

  it("never lets a viewer change anything", () => {
    const writes = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => !p.endsWith(".view"));
    for (const permission of writes) expect(can(actor("viewer"), permission), permission).toBe(false);
    expect(can(actor("viewer"), "stock.view")).toBe(true);
  });

  it("lets a supplier's key read and answer purchase orders, and nothing else", () => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(actor("supplier"), p));
    expect(granted).toEqual(["purchasing.view", "purchasing.supply"]);
  });

  it("lets only managers and admins receive more than a purchase order ordered", () => {
    expect(ROLES.filter((role) => can(actor(role), "purchasing.overReceive"))).toEqual(["admin", "manager"]);
  });

  it("limits a clerk's stock work to the assigned sites", () => {
    const clerk = actor("clerk", ["site-1"]);
    expect(can(clerk, "stock.move", { siteId: "site-1" })).toBe(true);
    expect(can(clerk, "stock.move", { siteId: "site-2" })).toBe(false);
    expect(can(clerk, "catalog.manage")).toBe(false);
  });

  it("refuses a clerk with no sites anything site-bound", () => {
    expect(can(actor("clerk", []), "stock.move")).toBe(false);
    expect(can(actor("clerk", []), "dashboard.view")).toBe(true);
  });

  it("answers no for no actor and for unknown permissions", () => {
    expect(can(null, "dashboard.view")).toBe(false);
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(s in PERMISSIONS)),
        fc.constantFrom(...ROLES),
        (permission, role) => {
          expect(can(actor(role), permission as Permission)).toBe(false);
        },
      ),
    );
  });

  it("never grants at a site outside a scoped actor's sites", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ROLES),
        fc.uniqueArray(fc.uuid(), { maxLength: 4 }),
        fc.uuid(),
        fc.constantFrom(...(Object.keys(PERMISSIONS) as Permission[])),
        (role, sites, other, permission) => {
          fc.pre(!sites.includes(other) && PERMISSIONS[permission].siteBound);
          expect(can(actor(role, sites), permission, { siteId: other })).toBe(false);
        },
      ),
    );
  });

  it("throws Forbidden from authorize", () => {
    expect(() => authorize(actor("viewer"), "stock.move")).toThrowError(/may not stock.move/);
    expect(() => authorize(actor("admin"), "stock.move")).not.toThrow();
  });
});

describe("authorizeGrant", () => {
  it("lets an unscoped admin give any scope, a scoped one only scopes within its own", () => {
    expect(() => authorizeGrant(actor("admin"), "users.manage", "all")).not.toThrow();
    const scoped = actor("admin", ["a", "b"]);
    expect(() => authorizeGrant(scoped, "users.manage", ["a"])).not.toThrow();
    expect(() => authorizeGrant(scoped, "apiKeys.manage", "all")).toThrowError(/every site/);
    expect(() => authorizeGrant(scoped, "apiKeys.manage", ["b", "c"])).toThrowError(
      expect.objectContaining({ code: "forbidden", details: { permission: "apiKeys.manage", siteId: "c" } }),
    );
    expect(() => authorizeGrant(actor("manager"), "users.manage", [])).toThrowError(/may not users.manage/);
  });
});

describe("siteScope", () => {
  it("gives admins every site, clerks only theirs, others every site unless assigned", () => {
    expect(siteScope("admin", ["a"])).toBe("all");
    expect(siteScope("clerk", [])).toEqual([]);
    expect(siteScope("clerk", ["a"])).toEqual(["a"]);
    expect(siteScope("manager", [])).toBe("all");
    expect(siteScope("viewer", ["b"])).toEqual(["b"]);
  });
});
