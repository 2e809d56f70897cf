// Site scope through the route handlers: a caller limited to some sites neither acts at nor learns about others.
import { describe, expect, it } from "vitest";
import * as apiKeyRoute from "../../../app/api/v1/api-keys/[id]/route";
import * as apiKeysRoute from "../../../app/api/v1/api-keys/route";
import * as userRoute from "../../../app/api/v1/users/[id]/route";
import * as usersRoute from "../../../app/api/v1/users/route";
import * as approveTransferRoute from "../../../app/api/v1/transfers/[id]/approve/route";
import * as transfersRoute from "../../../app/api/v1/transfers/route";
import * as submitCountRoute from "../../../app/api/v1/counts/[id]/submit/route";
import * as reverseRoute from "../../../app/api/v1/movements/[id]/reverse/route";
import * as rfidReadsRoute from "../../../app/api/v1/rfid/reads/route";
import * as stockImportRoute from "../../../app/api/v1/stock/import/route";
import * as traceRoute from "../../../app/api/v1/trace/route";
import { SYSTEM_ACTOR } from "../../../lib/auth/actor";
import { startCount } from "../../../lib/counting/start-count";
import { getDb } from "../../../lib/db/client";
import { postMovement } from "../../../lib/ledger/post-movement";
import { createTransfer } from "../../../lib/transfers/create-transfer";
import { receiveTransfer } from "../../../lib/transfers/receive-transfer";
import { shipTransfer } from "../../../lib/transfers/ship-transfer";
import { buildApiKey, buildSite, buildUser } from "../../factories/access";
import { buildWarehouse, buildZonedWarehouse } from "../../factories/stock";
import { buildTaggedWarehouse } from "../../factories/tagged-warehouse";
import { buildTwoSites } from "../../factories/transfers";
import { callRoute } from "./call-route";

const db = getDb();

describe("POST /api/v1/movements/{id}/reverse", () => {
  it("403s a key of the receiving site only for a transfer's receipt, and 201s a key of both sites", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const transfer = await createTransfer(db, SYSTEM_ACTOR, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.plain.sku, quantity: 1 }],
    });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
    const received = await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, {
      lines: [{ sku: items.plain.sku, quantity: 1, to: destination.bins.a1.code }],
    });
    const { id } = received.steps.at(-1)!.movements[0];
    const reverse = (key: string) =>
      callRoute(reverseRoute.POST, { method: "POST", path: `/api/v1/movements/${id}/reverse`, key, body: {}, params: { id } });

    const receiver = await buildApiKey(db, "clerk", [destination.site.code]);
    const refused = await reverse(receiver.key);
    expect(refused).toMatchObject({ status: 403, contentType: "application/problem+json", json: { code: "forbidden", siteId: source.site.id } });
    const both = await buildApiKey(db, "clerk", [source.site.code, destination.site.code]);
    expect((await reverse(both.key)).status).toBe(201);
  });
});

describe("GET /api/v1/trace", () => {
  it("answers a serial's current place as null to a key that may not see its site", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const serials = ["S2"];
    const transfer = await createTransfer(db, SYSTEM_ACTOR, {
      from: source.site.code,
      to: destination.site.code,
      lines: [{ sku: items.serialised.sku, quantity: 1, serials }],
    });
    await shipTransfer(db, SYSTEM_ACTOR, transfer.id);
    await receiveTransfer(db, SYSTEM_ACTOR, transfer.id, {
      lines: [{ sku: items.serialised.sku, quantity: 1, serials, to: destination.bins.a1.code }],
    });
    // Moved on within the destination: no movement the source's key may see ends in A2.
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "move",
      sku: items.serialised.sku,
      quantity: 1,
      serials,
      from: destination.bins.a1.code,
      to: destination.bins.a2.code,
      reason: "putaway",
    });
    const trace = async (sites: string[]) => {
      const { key } = await buildApiKey(db, "viewer", sites);
      return callRoute(traceRoute.GET, { path: `/api/v1/trace?serial=S2&sku=${items.serialised.sku}`, key });
    };

    const fromSource = await trace([source.site.code]);
    expect(fromSource.status).toBe(200);
    expect(fromSource.json.data[0]).toMatchObject({ code: "S2", now: null });
    expect(JSON.stringify(fromSource.json)).not.toContain(destination.bins.a2.code);
    expect((await trace([destination.site.code])).json.data[0].now).toBe(destination.bins.a2.code);
  });
});

describe("POST /api/v1/rfid/reads", () => {
  it("refuses a unit of another site without naming its location to a key that may not see that site", async () => {
    const [home, away] = [await buildTaggedWarehouse(db), await buildTaggedWarehouse(db)];
    const { key } = await buildApiKey(db, "clerk", [home.site.code]);
    const answer = await callRoute(rfidReadsRoute.POST, {
      method: "POST",
      path: "/api/v1/rfid/reads",
      key,
      body: { reads: [{ epc: away.epcOf(away.serials[0]), reader: home.reader, at: "2026-01-15T08:00:00Z" }] },
    });
    expect(answer).toMatchObject({ status: 200, json: { moved: [], refused: [{ serial: away.serials[0], from: null, to: home.bins.a2.code }] } });
    expect(JSON.stringify(answer.json)).not.toContain(away.bins.a1.code);
  });
});

describe("POST /api/v1/stock/import?mode=dry-run", () => {
  it("does not name the location of a serial at a site the key may not see", async () => {
    const [home, away] = [await buildWarehouse(db), await buildWarehouse(db)];
    await postMovement(db, SYSTEM_ACTOR, {
      kind: "receive",
      sku: away.items.serialised.sku,
      quantity: 1,
      to: away.bins.a1.code,
      serials: ["SN-API"],
      reason: "received",
    });
    const { key } = await buildApiKey(db, "clerk", [home.site.code]);
    const response = await stockImportRoute.POST(
      new Request("http://localhost/api/v1/stock/import?mode=dry-run", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" },
        body: `sku,location,quantity,serials\n${away.items.serialised.sku},${home.bins.a1.code},1,SN-API\n`,
      }),
      { params: Promise.resolve({}) },
    );
    const report = await response.json();
    expect(response.status).toBe(200);
    expect(report).toMatchObject({
      valid: 0,
      invalid: [{ line: 2, errors: [{ field: "serials", message: "SN-API is already in stock at another site" }] }],
    });
    expect(JSON.stringify(report)).not.toContain(away.bins.a1.code);
  });
});

describe("POST /api/v1/counts/{id}/submit", () => {
  it("422s a serial recorded at another site without naming its location to a key that may not see it", async () => {
    const [home, away] = [await buildZonedWarehouse(db), await buildZonedWarehouse(db)];
    await away.receive(away.items.serialised.sku, 1, away.z1.code, { serials: ["AWAY-API"] });
    const count = await startCount(db, SYSTEM_ACTOR, { location: home.z1.code });
    const { key } = await buildApiKey(db, "clerk", [home.site.code]);
    const answer = await callRoute(submitCountRoute.POST, {
      method: "POST",
      path: `/api/v1/counts/${count.id}/submit`,
      key,
      params: { id: count.id },
      body: { scans: [{ location: home.z1.code, sku: away.items.serialised.sku, serial: "AWAY-API", source: "rfid" }] },
    });
    expect(answer).toMatchObject({
      status: 422,
      json: { errors: [{ field: "scans", message: expect.stringContaining("recorded at another site") }] },
    });
    expect(JSON.stringify(answer.json)).not.toContain(away.z1.code);
  });
});

describe("users and API keys made with a key scoped to one site", () => {
  it("403s an unscoped or out-of-scope key or user, and 201s one within the site", async () => {
    const [home, away] = [await buildSite(db), await buildSite(db)];
    const { key } = await buildApiKey(db, "admin", [home.code]);
    const post = (route: typeof apiKeysRoute | typeof usersRoute, path: string, body: object) =>
      callRoute(route.POST, { method: "POST", path, key, body });
    const newKey = (sites: string[]) => post(apiKeysRoute, "/api/v1/api-keys", { name: "from-scoped", role: "manager", sites });
    const newUser = (email: string, role: string, sites: string[]) =>
      post(usersRoute, "/api/v1/users", { email, name: "P", role, password: "password1", sites });

    for (const answer of [
      await newKey([]),
      await newKey([away.code]),
      await newUser("api-all@example.com", "viewer", []),
      await newUser("api-admin@example.com", "admin", [home.code]),
    ]) {
      expect(answer).toMatchObject({ status: 403, contentType: "application/problem+json", json: { code: "forbidden" } });
    }
    expect(await db.apiKey.count({ where: { name: "from-scoped" } })).toBe(0);
    expect(await db.user.count({ where: { email: { in: ["api-all@example.com", "api-admin@example.com"] } } })).toBe(0);
    expect(await newKey([home.code])).toMatchObject({ status: 201, json: { sites: [home.code] } });
    expect(await newUser("api-home@example.com", "clerk", [home.code])).toMatchObject({ status: 201, json: { sites: [home.code] } });
  });

  it("403s changing an admin's password or revoking an unscoped key", async () => {
    const home = await buildSite(db);
    const { key } = await buildApiKey(db, "admin", [home.code]);
    const admin = await buildUser(db, "admin");
    const patched = await callRoute(userRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/users/${admin.id}`,
      key,
      params: { id: admin.id },
      body: { password: "taken-over-2" },
    });
    expect(patched).toMatchObject({ status: 403, json: { code: "forbidden" } });
    const unscoped = await buildApiKey(db, "viewer");
    const revoked = await callRoute(apiKeyRoute.DELETE, {
      method: "DELETE",
      path: `/api/v1/api-keys/${unscoped.id}`,
      key,
      params: { id: unscoped.id },
    });
    expect(revoked).toMatchObject({ status: 403, json: { code: "forbidden" } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: unscoped.id } })).revokedAt).toBeNull();
  });
});

describe("POST /api/v1/api-keys for a clerk", () => {
  it("422s a clerk's key that names no sites, on the field sites", async () => {
    const { key } = await buildApiKey(db, "admin");
    const answer = await callRoute(apiKeysRoute.POST, { method: "POST", path: "/api/v1/api-keys", key, body: { name: "clerk-all", role: "clerk" } });
    expect(answer).toMatchObject({ status: 422, contentType: "application/problem+json", json: { errors: [{ field: "sites" }] } });
    expect(await db.apiKey.count({ where: { name: "clerk-all" } })).toBe(0);
  });
});

describe("POST /api/v1/transfers/{id}/approve", () => {
  it("403s the key that drafted the transfer, and 200s another manager's key", async () => {
    const { source, destination, items } = await buildTwoSites(db);
    const [drafter, approver] = [await buildApiKey(db, "manager", [source.site.code]), await buildApiKey(db, "manager", [source.site.code])];
    const created = await callRoute(transfersRoute.POST, {
      method: "POST",
      path: "/api/v1/transfers",
      key: drafter.key,
      body: { from: source.site.code, to: destination.site.code, lines: [{ sku: items.plain.sku, quantity: 1 }] },
    });
    const { id } = created.json as { id: string };
    const approve = (key: string) =>
      callRoute(approveTransferRoute.POST, { method: "POST", path: `/api/v1/transfers/${id}/approve`, key, body: {}, params: { id } });
    expect(await approve(drafter.key)).toMatchObject({ status: 403, contentType: "application/problem+json", json: { code: "forbidden" } });
    expect(await approve(approver.key)).toMatchObject({ status: 200, json: { status: "approved" } });
  });
});
