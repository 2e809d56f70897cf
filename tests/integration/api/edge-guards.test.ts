// What the one edge wrapper guards before any handler runs: forged cookie writes, oversized bodies, NUL
// characters, malformed cursors; and what it keeps of a write's answer (nothing for reads, no secrets).
import { describe, expect, it, vi } from "vitest";
import * as apiKeyRoutes from "../../../app/api/v1/api-keys/route";
import * as itemImportRoute from "../../../app/api/v1/items/import/route";
import * as itemRoutes from "../../../app/api/v1/items/route";
import * as movementRoutes from "../../../app/api/v1/movements/route";
import * as resolveRoute from "../../../app/api/v1/scans/resolve/route";
import * as stockRoute from "../../../app/api/v1/stock/route";
import { getDb } from "../../../lib/db/client";
import { buildApiKey } from "../../factories/access";
import { callRoute } from "./call-route";

const db = getDb();
const noParams = { params: Promise.resolve({}) };
const COOKIE = "next-auth.session-token=anything";

function cookieWrite(headers: Record<string, string>, body = JSON.stringify({ sku: "X", name: "Y" })) {
  return itemRoutes.POST(new Request("http://localhost/api/v1/items", { method: "POST", headers: { cookie: COOKIE, ...headers }, body }), noParams);
}

describe("cookie-authenticated writes", () => {
  it("are refused when another site could have sent them: a form's media type, a cross-site Origin or Fetch Metadata", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await cookieWrite({ "content-type": type });
      expect(response.status, type).toBe(415);
      expect(await response.json()).toMatchObject({ code: "unsupported_media_type" });
    }
    const json = { "content-type": "application/json" };
    const forged: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      { origin: "null" },
    ];
    for (const headers of forged) {
      const response = await cookieWrite({ ...json, ...headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({ code: "cross_site_request" });
    }
  });

  it("pass the check from this site (and then meet authentication)", async () => {
    const sameOrigin = await cookieWrite({ "content-type": "application/json", origin: "http://localhost", "sec-fetch-site": "same-origin" });
    // Past the forgery check (reading the made-up session needs Next's request scope, absent in this test).
    expect(sameOrigin.status).not.toBe(403);
    expect(sameOrigin.status).not.toBe(415);
  });

  it("do not concern API-key calls, whatever their media type", async () => {
    const { key } = await buildApiKey(db, "manager");
    const response = await itemRoutes.POST(
      new Request("http://localhost/api/v1/items", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "text/plain", origin: "https://elsewhere.example" },
        body: JSON.stringify({ sku: `KEYED-${Date.now()}`, name: "Sent by a service" }),
      }),
      noParams,
    );
    expect(response.status).toBe(201);
  });
});

describe("bodies", () => {
  it("over 1 MiB of JSON are refused with 413, with or without an Idempotency-Key, and nothing is written", async () => {
    const { key } = await buildApiKey(db, "manager");
    const sku = `BIG-${Date.now()}`;
    const body = { sku, name: "Big", description: "x".repeat(1024 * 1024) };
    for (const headers of [{}, { "idempotency-key": "big-one" }] as Record<string, string>[]) {
      const response = await callRoute(itemRoutes.POST, { method: "POST", path: "/api/v1/items", key, body, headers });
      expect(response).toMatchObject({
        status: 413,
        contentType: "application/problem+json",
        json: { code: "payload_too_large", maxBytes: 1024 * 1024 },
      });
    }
    expect(await db.item.count({ where: { sku } })).toBe(0);
    expect(await db.idempotencyRecord.count({ where: { key: "big-one" } })).toBe(0);
  });

  it("are not read past the limit: a stream that would go on is cancelled", async () => {
    const { key } = await buildApiKey(db, "manager");
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const response = await itemImportRoute.POST(
      new Request("http://localhost/api/v1/items/import", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "text/csv" },
        body: endless,
        duplex: "half",
      } as RequestInit),
      noParams,
    );
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(5 * 1024 * 1024 + 3 * 64 * 1024);
  });

  it("that stop because the client left answer 400 `body_not_received`, are not logged as our failure, and write nothing", async () => {
    const { key } = await buildApiKey(db, "manager");
    const sku = `LEFT-${Date.now()}`;
    const post = (failure: Error, idempotencyKey: string) =>
      itemRoutes.POST(
        new Request("http://localhost/api/v1/items", {
          method: "POST",
          headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "idempotency-key": idempotencyKey },
          body: new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(`{"sku":"${sku}",`));
              controller.error(failure);
            },
          }),
          duplex: "half",
        } as RequestInit),
        noParams,
      );
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // What Node's request stream throws when the connection closes mid-body.
      const left = await post(Object.assign(new Error("aborted"), { code: "ECONNRESET" }), "left-1");
      expect(left.status).toBe(400);
      expect(await left.json()).toMatchObject({ code: "body_not_received" });
      expect(logged).not.toHaveBeenCalled();
      // Any other failure while reading stays ours: 500, logged with its correlation id.
      const broken = await post(new Error("the disk is on fire"), "left-2");
      expect(broken.status).toBe(500);
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
    }
    expect(await db.item.count({ where: { sku } })).toBe(0);
    expect(await db.idempotencyRecord.count({ where: { key: { in: ["left-1", "left-2"] } } })).toBe(0);
  });

  it("with a declared length over the limit are refused before a byte is read", async () => {
    const { key } = await buildApiKey(db, "manager");
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull: (controller) => {
          pulled++;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const response = await movementRoutes.POST(
      new Request("http://localhost/api/v1/movements", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json", "content-length": String(2 * 1024 * 1024) },
        body,
        duplex: "half",
      } as RequestInit),
      noParams,
    );
    expect(response.status).toBe(413);
    expect(pulled).toBe(0);
  });
});

describe("bad input that used to answer 500", () => {
  it("a NUL character in any string field is a 422 naming the field, and nothing is written", async () => {
    const { key } = await buildApiKey(db, "manager");
    const sku = `NUL-${Date.now()}`;
    const response = await callRoute(itemRoutes.POST, {
      method: "POST",
      path: "/api/v1/items",
      key,
      body: { sku, name: "Bad\u0000name", barcodes: ["123\u0000"] },
    });
    expect(response).toMatchObject({
      status: 422,
      json: { errors: expect.arrayContaining([expect.objectContaining({ field: "name" }), expect.objectContaining({ field: "barcodes.0" })]) },
    });
    expect(await db.item.count({ where: { sku } })).toBe(0);
    const inQuery = await callRoute(stockRoute.GET, { path: "/api/v1/stock?sku=A%00B", key });
    expect(inQuery).toMatchObject({ status: 422, json: { errors: [{ field: "sku" }] } });
  });

  it("a malformed cursor on GET /api/v1/stock is a 422 on `cursor`", async () => {
    const { key } = await buildApiKey(db, "viewer");
    for (const cursor of ["abc", "1", "'; DROP TABLE x"]) {
      const response = await callRoute(stockRoute.GET, { path: `/api/v1/stock?cursor=${encodeURIComponent(cursor)}`, key });
      expect(response, cursor).toMatchObject({ status: 422, json: { errors: [{ field: "cursor" }] } });
    }
  });
});

describe("what is kept of an answer for a retry", () => {
  it("nothing, for a POST that only reads", async () => {
    const { key, id } = await buildApiKey(db, "viewer");
    const response = await callRoute(resolveRoute.POST, {
      method: "POST",
      path: "/api/v1/scans/resolve",
      key,
      body: { data: "4006381333931" },
      headers: { "idempotency-key": "read-only" },
    });
    expect(response.status).toBe(200);
    expect(await db.idempotencyRecord.count({ where: { actorKey: `apiKey:${id}` } })).toBe(0);
  });

  it("the new API key's answer without the secret: the retry says it was shown once", async () => {
    const admin = await buildApiKey(db, "admin");
    const send = () =>
      callRoute(apiKeyRoutes.POST, {
        method: "POST",
        path: "/api/v1/api-keys",
        key: admin.key,
        body: { name: "inventory-sync", role: "viewer" },
        headers: { "idempotency-key": "new-key-1" },
      });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.json.key).toMatch(/^sr_/);
    const stored = await db.idempotencyRecord.findFirstOrThrow({ where: { actorKey: `apiKey:${admin.id}`, key: "new-key-1" } });
    expect(JSON.stringify(stored)).not.toContain(first.json.key);
    const retry = await send();
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toMatchObject({ id: first.json.id, key: null, secretsShownOnce: expect.stringContaining("shown once") });
    expect(await db.apiKey.count({ where: { name: "inventory-sync" } })).toBe(1);
  });
});

describe("every REST answer", () => {
  it("carries the security headers itself, refusals and streams too, and HSTS when served over HTTPS", async () => {
    const { key } = await buildApiKey(db, "viewer");
    const answers = [
      await callRoute(stockRoute.GET, { path: "/api/v1/stock", key }),
      await callRoute(stockRoute.GET, { path: "/api/v1/stock" }),
      await callRoute(itemRoutes.POST, { method: "POST", path: "/api/v1/items", key, body: {} }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 401, 403]);
    for (const { headers } of answers) {
      expect(headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.get("strict-transport-security")).toBeNull();
    }
    const overHttps = await callRoute(stockRoute.GET, { path: "/api/v1/stock", key, headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});
