/**
 * The route × role × site matrix, for every operation in the OpenAPI document the running server publishes.
 * The expected answer of each cell is computed from the permission table (lib/auth/permissions.ts, through the
 * same can() the server uses), never written by hand:
 * - without credentials: 401 for every operation that is not public;
 * - by role: an actor whose role lacks the operation's permission gets 403 problem JSON; one whose role has it
 *   gets anything but 401/403 (a 404, 409 or 422 from the rules is fine: the door was open);
 * - by site: actors limited to WH1, acting on a resource at WH1 and at WH2, get through where can() says they
 *   may act at that site, and 403 (or 404: a thing at a site they cannot see) elsewhere, with nothing posted.
 */
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { Actor } from "../../lib/auth/actor";
import { can } from "../../lib/auth/can";
import type { Permission, RoleName } from "../../lib/auth/permissions";
import { apiAs, BOOTSTRAP_API_KEY, createKey, createPerson, ledgerHead, unique } from "./fixtures";

type Method = "get" | "post" | "put" | "patch" | "delete";
type DocOperation = { operationId: string; "x-permission"?: string; security?: unknown[] };
type Cell = { method: Method; path: string; operationId: string; permission: Permission | "public" | "signedIn" | "signature" };
type Caller = { name: string; key: string; actor: Actor };
type Site = {
  code: string;
  bin: string;
  otherBin: string;
  zone: string;
  sku: string;
  movementId: string;
  pickListId: string;
  countId: string;
  transferFromHere: string;
  transferToHere: string;
  reader: string;
  map: Record<string, unknown>;
};

test.describe.configure({ mode: "serial" });

let admin: APIRequestContext;
/** A second admin: nobody approves a transfer they drafted. */
let approver: APIRequestContext;
let cells: Cell[];
const callers: Caller[] = [];
const sites: Record<"WH1" | "WH2", Site> = {} as never;
const sacrificial: { userId: string; keyId: string; reasonCode: string; supplier: string } = {} as never;

function actorOf(role: RoleName, siteCodes: string[] | "all"): Actor {
  // Site codes stand for site ids: the expected answer only asks whether the target is among the actor's sites.
  return { type: "apiKey", id: role, label: role, role, sites: siteCodes };
}

async function json<T>(call: Promise<{ json: () => Promise<unknown>; status: () => number }>): Promise<T> {
  const response = await call;
  expect(response.status()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Stock, bins and one of each kind of document at a site, made by the admin, for requests to aim at. */
async function buildSite(code: "WH1" | "WH2", other: "WH1" | "WH2"): Promise<Omit<Site, "transferToHere">> {
  const { data: levels } = await json<{ data: { sku: string; location: string; lot: string | null; available: number }[] }>(
    admin.get(`/api/v1/stock?site=${code}&limit=1000`),
  );
  let plain: { sku: string; location: string } | undefined;
  for (const level of levels.filter((l) => l.lot === null && l.available >= 5)) {
    const item = await json<{ tracking: string; tempMinC: number | null; hazardClass: string | null }>(
      admin.get(`/api/v1/items/${encodeURIComponent(level.sku)}`),
    );
    if (item.tracking === "none" && item.tempMinC == null && item.hazardClass == null) {
      plain = level;
      break;
    }
  }
  if (!plain) throw new Error(`the demo data has no plain stock at ${code}`);
  const { data: locations } = await json<{
    data: { code: string; type: string; parent: string | null; tempMinC?: number | null; hazardClasses?: string[] }[];
  }>(admin.get(`/api/v1/locations?site=${code}`));
  const plainBins = locations.filter((l) => l.type === "bin" && l.code !== plain!.location && !l.tempMinC && !(l.hazardClasses ?? []).length);
  const zone = locations.find((l) => l.type === "zone")!.code;
  const received = await json<{ movement: { id: string } }>(
    admin.post("/api/v1/movements", { data: { kind: "receive", sku: plain.sku, to: plain.location, quantity: 1, reason: "received" } }),
  );
  const pickList = await json<{ id: string }>(
    admin.post("/api/v1/pick-lists", { data: { site: code, reference: unique("SEC-"), lines: [{ sku: plain.sku, quantity: 1 }] } }),
  );
  const count = await json<{ id: string }>(admin.post("/api/v1/counts", { data: { location: plainBins[1].code } }));
  const transfer = await json<{ id: string }>(
    admin.post("/api/v1/transfers", { data: { from: code, to: other, lines: [{ sku: plain.sku, quantity: 1 }] } }),
  );
  await json(approver.post(`/api/v1/transfers/${transfer.id}/approve`, { data: {} }));
  await json(admin.post(`/api/v1/transfers/${transfer.id}/ship`, { data: {} }));
  const reader = unique(`READER-${code}-`);
  await json(admin.post("/api/v1/rfid/readers", { data: { id: reader, location: plainBins[2].code } }));
  const { version, width, height, unit, shapes } = await json<Record<string, unknown>>(admin.get(`/api/v1/sites/${code}/map`));
  return {
    code,
    bin: plain.location,
    otherBin: plainBins[0].code,
    zone,
    sku: plain.sku,
    movementId: received.movement.id,
    pickListId: pickList.id,
    countId: count.id,
    transferFromHere: transfer.id,
    reader,
    map: { version, width, height, unit, shapes },
  };
}

/** A request for `cell` with its path parameters filled from what was built at WH1. */
function pathFor(path: string): string {
  const site = sites.WH1;
  const byPath: [RegExp, Record<string, string>][] = [
    [/^\/api\/v1\/users\//, { id: sacrificial.userId }],
    [/^\/api\/v1\/api-keys\//, { id: sacrificial.keyId }],
    [/^\/api\/v1\/pick-lists\//, { id: site.pickListId }],
    [/^\/api\/v1\/transfers\//, { id: site.transferFromHere }],
    [/^\/api\/v1\/purchase-orders\//, { id: "00000000-0000-0000-0000-000000000000" }],
    [/^\/api\/v1\/counts\//, { id: site.countId }],
    [/^\/api\/v1\/movements\//, { id: site.movementId }],
    [/^\/api\/v1\/reason-codes\//, { code: sacrificial.reasonCode }],
    [/^\/api\/v1\/suppliers\//, { code: sacrificial.supplier }],
    [/^\/api\/v1\/sites\//, { code: site.code }],
    [/^\/api\/v1\/labels\//, { kind: "bin", ref: site.bin }],
    [/^\/api\/v1\/items\//, { sku: site.sku }],
  ];
  const params = byPath.find(([pattern]) => pattern.test(path))?.[1] ?? {};
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));
}

async function send(context: APIRequestContext, method: Method, url: string, data?: unknown) {
  // The event stream never ends: ask for it with a short timeout and take its status from the headers.
  if (url.startsWith("/api/v1/events/stream")) {
    const response = await context.fetch(url, { method, timeout: 3_000 }).catch(() => null);
    return response ?? { status: () => 200, headers: () => ({}), text: async () => "" };
  }
  return context.fetch(url, { method, data: method === "get" ? undefined : (data ?? {}) });
}

test.beforeAll(async ({ baseURL }) => {
  admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
  approver = await apiAs(baseURL!, (await createKey(admin, "admin")).key);
  const document = await json<{ paths: Record<string, Record<Method, DocOperation>> }>(admin.get("/api/openapi.json"));
  cells = Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method as Method,
      path,
      operationId: operation.operationId,
      permission: (operation.security?.length === 0 ? "public" : (operation["x-permission"] ?? "signedIn")) as Cell["permission"],
    })),
  );
  const person = await createPerson(admin);
  const victimKey = await createKey(admin, "viewer");
  sacrificial.userId = person.id;
  sacrificial.keyId = victimKey.id;
  sacrificial.reasonCode = unique("sec_").toLowerCase();
  await json(admin.post("/api/v1/reason-codes", { data: { code: sacrificial.reasonCode, label: "Security test" } }));
  sacrificial.supplier = unique("SEC");
  await json(admin.post("/api/v1/suppliers", { data: { code: sacrificial.supplier, name: "Security test supplier" } }));
  const wh1 = await buildSite("WH1", "WH2");
  const wh2 = await buildSite("WH2", "WH1");
  sites.WH1 = { ...wh1, transferToHere: wh2.transferFromHere };
  sites.WH2 = { ...wh2, transferToHere: wh1.transferFromHere };
  const keyed: [string, RoleName, string[]][] = [
    ["admin", "admin", []],
    ["manager", "manager", []],
    ["viewer", "viewer", []],
    ["clerk at WH1", "clerk", ["WH1"]],
    ["manager at WH1", "manager", ["WH1"]],
    ["viewer at WH1", "viewer", ["WH1"]],
  ];
  for (const [name, role, siteCodes] of keyed) {
    const { key } = await createKey(admin, role, siteCodes);
    callers.push({ name, key, actor: actorOf(role, siteCodes.length ? siteCodes : "all") });
  }
  // A supplier's key: its own purchase orders only (the supplier scope itself is proven in
  // tests/integration/api/purchase-orders-api.test.ts); by role, every other operation is 403.
  const { key: supplierKey } = await createKey(admin, "supplier", [], sacrificial.supplier);
  callers.push({ name: "supplier", key: supplierKey, actor: actorOf("supplier", "all") });
});

test("every operation of the document is in the matrix", () => {
  expect(cells.length).toBeGreaterThan(50);
  expect(cells.some((cell) => cell.operationId === "postMovement")).toBe(true);
});

test("without credentials, every operation but the public ones answers 401", async ({ baseURL }) => {
  const anonymous = await apiAs(baseURL!);
  for (const cell of cells) {
    const response = await send(anonymous, cell.method, pathFor(cell.path));
    if (cell.permission === "public") expect(response.status(), `${cell.method} ${cell.path}`).not.toBe(401);
    else expect(response.status(), `${cell.method} ${cell.path}`).toBe(401);
  }
});

test("each role gets through exactly the operations its permissions allow", async ({ baseURL }) => {
  test.setTimeout(210_000); // every operation × seven callers, and it grows with the API
  const mismatches: string[] = [];
  for (const caller of callers) {
    const context = await apiAs(baseURL!, caller.key);
    for (const cell of cells) {
      const response = await send(context, cell.method, pathFor(cell.path));
      const status = response.status();
      // A shop's signed webhook takes no API key: unsigned, every caller is unauthenticated there.
      if (cell.permission === "signature") {
        if (status !== 401) mismatches.push(`${caller.name} ${cell.method.toUpperCase()} ${cell.path}: ${status}, expected 401 (unsigned)`);
        continue;
      }
      const allowed = cell.permission === "public" || cell.permission === "signedIn" || can(caller.actor, cell.permission);
      const ok = allowed ? status !== 401 && status !== 403 : status === 403;
      if (!ok) mismatches.push(`${caller.name} ${cell.method.toUpperCase()} ${cell.path}: ${status}, expected ${allowed ? "not 401/403" : "403"}`);
    }
  }
  expect(mismatches).toEqual([]);
});

/** Requests that act at one site, for every site-bound operation whose target is a site's resource. */
const AT_SITE: { operationId: string; permission: Permission; request: (site: Site) => { method: Method; url: string; data?: unknown } }[] = [
  {
    operationId: "postMovement",
    permission: "stock.move",
    request: (s) => ({
      method: "post",
      url: "/api/v1/movements",
      data: { kind: "move", sku: s.sku, from: s.bin, to: s.otherBin, quantity: 1, reason: "putaway" },
    }),
  },
  {
    operationId: "postMovementBatch",
    permission: "stock.move",
    request: (s) => ({
      method: "post",
      url: "/api/v1/movements/batch",
      data: { movements: [{ kind: "receive", sku: s.sku, to: s.bin, quantity: 1, reason: "received" }] },
    }),
  },
  {
    operationId: "reverseMovement",
    permission: "stock.move",
    request: (s) => ({ method: "post", url: `/api/v1/movements/${s.movementId}/reverse` }),
  },
  {
    operationId: "createPickList",
    permission: "stock.move",
    request: (s) => ({
      method: "post",
      url: "/api/v1/pick-lists",
      data: { site: s.code, reference: unique("SEC-"), lines: [{ sku: s.sku, quantity: 1 }] },
    }),
  },
  {
    operationId: "confirmStop",
    permission: "stock.move",
    request: (s) => ({ method: "post", url: `/api/v1/pick-lists/${s.pickListId}/confirm`, data: { seq: 1, quantity: 1 } }),
  },
  {
    operationId: "cancelPickList",
    permission: "stock.approve",
    request: (s) => ({ method: "post", url: `/api/v1/pick-lists/${s.pickListId}/cancel` }),
  },
  { operationId: "getPickList", permission: "stock.view", request: (s) => ({ method: "get", url: `/api/v1/pick-lists/${s.pickListId}` }) },
  {
    operationId: "createTransfer",
    permission: "stock.move",
    request: (s) => ({
      method: "post",
      url: "/api/v1/transfers",
      data: { from: s.code, to: s.code === "WH1" ? "WH2" : "WH1", lines: [{ sku: s.sku, quantity: 1 }] },
    }),
  },
  {
    operationId: "receiveTransfer",
    permission: "stock.move",
    request: (s) => ({
      method: "post",
      url: `/api/v1/transfers/${s.transferToHere}/receive`,
      data: { lines: [{ sku: s.sku, quantity: 1, to: s.otherBin }] },
    }),
  },
  {
    operationId: "cancelTransfer",
    permission: "stock.move",
    request: (s) => ({ method: "post", url: `/api/v1/transfers/${s.transferFromHere}/cancel` }),
  },
  { operationId: "startCount", permission: "stock.count", request: (s) => ({ method: "post", url: "/api/v1/counts", data: { location: s.bin } }) },
  {
    operationId: "addCountScans",
    permission: "stock.count",
    request: (s) => ({
      method: "post",
      url: `/api/v1/counts/${s.countId}/scans`,
      data: { scans: [{ location: s.otherBin, sku: s.sku, quantity: 1 }] },
    }),
  },
  { operationId: "getCount", permission: "stock.view", request: (s) => ({ method: "get", url: `/api/v1/counts/${s.countId}` }) },
  {
    operationId: "createLocation",
    permission: "locations.manage",
    request: (s) => ({
      method: "post",
      url: "/api/v1/locations",
      data: { code: unique(`${s.code}-SEC`), name: "Security bin", type: "bin", parent: s.zone },
    }),
  },
  {
    operationId: "saveSiteMap",
    permission: "locations.manage",
    request: (s) => ({ method: "put", url: `/api/v1/sites/${s.code}/map`, data: s.map }),
  }, // the map as it is: saved again, unchanged
  {
    operationId: "registerRfidReader",
    permission: "locations.manage",
    request: (s) => ({ method: "post", url: "/api/v1/rfid/readers", data: { id: unique("SEC-READER-"), location: s.otherBin } }),
  },
  {
    operationId: "recordRfidReads",
    permission: "stock.move",
    request: (s) => ({
      method: "post",
      url: "/api/v1/rfid/reads",
      data: { reads: [{ epc: "3074257BF7194E4000001A85", reader: s.reader, at: new Date().toISOString() }] },
    }),
  },
  {
    operationId: "setThresholds",
    permission: "thresholds.manage",
    request: (s) => ({ method: "put", url: `/api/v1/items/${encodeURIComponent(s.sku)}/thresholds`, data: { site: s.code, safetyStock: 0 } }),
  },
  {
    operationId: "startReorderPointRecompute",
    permission: "thresholds.manage",
    request: (s) => ({ method: "post", url: "/api/v1/reorder-points/recompute", data: { site: s.code, skuPrefix: unique("SEC-NONE-") } }),
  },
  { operationId: "getSiteSnapshot", permission: "stock.view", request: (s) => ({ method: "get", url: `/api/v1/scans/snapshot?site=${s.code}` }) },
  { operationId: "getSiteMap", permission: "stock.view", request: (s) => ({ method: "get", url: `/api/v1/sites/${s.code}/map` }) },
];

test("the site cases cover operations the document has, with the permission it states", () => {
  for (const { operationId, permission } of AT_SITE) {
    expect(cells.find((cell) => cell.operationId === operationId)?.permission, operationId).toBe(permission);
  }
});

test("actors limited to WH1 act at WH1 as their role allows, and at WH2 not at all", async ({ baseURL }) => {
  const mismatches: string[] = [];
  for (const caller of callers.filter((c) => c.actor.sites !== "all")) {
    const context = await apiAs(baseURL!, caller.key);
    for (const siteCode of ["WH1", "WH2"] as const) {
      for (const { operationId, permission, request } of AT_SITE) {
        const { method, url, data } = request(sites[siteCode]);
        const allowed = can(caller.actor, permission, { siteId: siteCode });
        const head = await ledgerHead(admin);
        const status = (await send(context, method, url, data)).status();
        const ok = allowed ? status !== 401 && status !== 403 : (status === 403 || status === 404) && (await ledgerHead(admin)) === head;
        if (!ok)
          mismatches.push(
            `${caller.name} ${operationId} at ${siteCode}: ${status}, expected ${allowed ? "not 401/403" : "403/404 and nothing posted"}`,
          );
      }
    }
  }
  expect(mismatches).toEqual([]);
});
