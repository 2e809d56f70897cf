import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

// public/sw.js is a plain browser script with no exports. Running it in a fresh context with a stand-in `self`
// exposes its top-level functions, so the routing rules are tested as the browser will run them.
type ServiceWorkerScript = {
  chooseStrategy(url: URL, method: string, mode: string, isRsc: boolean): string | null;
  isCacheable(response: { status: number; type: string; redirected: boolean }): boolean;
};

const origin = "https://stockroom.example";

function loadServiceWorker(): ServiceWorkerScript {
  const source = readFileSync(fileURLToPath(new URL("../../public/sw.js", import.meta.url)), "utf8");
  const context = { self: { location: new URL(`${origin}/sw.js`), addEventListener: () => undefined }, URL };
  runInNewContext(source, context);
  return context as unknown as ServiceWorkerScript;
}

const worker = loadServiceWorker();
const strategyFor = (path: string, { method = "GET", mode = "cors", isRsc = false, host = origin } = {}) =>
  worker.chooseStrategy(new URL(path, host), method, mode, isRsc);

describe("service worker routing", () => {
  it("answers page navigations, /scan or not, as documents", () => {
    expect(strategyFor("/scan", { mode: "navigate" })).toBe("document");
    expect(strategyFor("/scan?mode=pick", { mode: "navigate" })).toBe("document");
    expect(strategyFor("/items", { mode: "navigate" })).toBe("document");
  });

  it("serves content-hashed Next assets from the cache first", () => {
    expect(strategyFor("/_next/static/chunks/4f2a9c.js", { mode: "no-cors" })).toBe("static");
    expect(strategyFor("/_next/static/css/app.css", { mode: "no-cors" })).toBe("static");
  });

  it("keeps RSC payloads of /scan, whether marked by header or by the _rsc parameter", () => {
    expect(strategyFor("/scan?_rsc=1x2y", { isRsc: true })).toBe("rsc");
    expect(strategyFor("/scan/counts?_rsc=1x2y")).toBe("rsc");
    expect(strategyFor("/scan", { isRsc: true })).toBe("rsc");
  });

  it("leaves RSC payloads of other screens to the network", () => {
    expect(strategyFor("/items?_rsc=1x2y", { isRsc: true })).toBeNull();
    expect(strategyFor("/scanners?_rsc=1x2y", { isRsc: true })).toBeNull();
  });

  it("never touches the API, even for navigations such as a CSV export", () => {
    expect(strategyFor("/api/v1/items")).toBeNull();
    expect(strategyFor("/api/v1/stock/export.csv", { mode: "navigate" })).toBeNull();
    expect(strategyFor("/api/auth/session")).toBeNull();
  });

  it("never touches writes or other origins", () => {
    expect(strategyFor("/scan", { method: "POST", mode: "navigate" })).toBeNull();
    expect(strategyFor("/_next/static/chunks/a.js", { method: "HEAD" })).toBeNull();
    expect(strategyFor("/scan", { mode: "navigate", host: "https://elsewhere.example" })).toBeNull();
  });

  it("keeps the manifest and icons for offline launches, and nothing else of its own accord", () => {
    expect(strategyFor("/manifest.webmanifest")).toBe("precached");
    expect(strategyFor("/icons/icon-192.png")).toBe("precached");
    expect(strategyFor("/sw.js")).toBeNull();
    expect(strategyFor("/_next/image?url=%2Fx.png&w=64")).toBeNull();
  });
});

describe("what may be cached", () => {
  it("takes a plain 200 from our origin", () => {
    expect(worker.isCacheable({ status: 200, type: "basic", redirected: false })).toBe(true);
  });

  it("refuses the redirect a signed-out visit to /scan gets, so the shell never becomes the sign-in page", () => {
    expect(worker.isCacheable({ status: 0, type: "opaqueredirect", redirected: false })).toBe(false);
    expect(worker.isCacheable({ status: 200, type: "basic", redirected: true })).toBe(false);
  });

  it("refuses errors and opaque answers", () => {
    expect(worker.isCacheable({ status: 500, type: "basic", redirected: false })).toBe(false);
    expect(worker.isCacheable({ status: 404, type: "basic", redirected: false })).toBe(false);
    expect(worker.isCacheable({ status: 0, type: "opaque", redirected: false })).toBe(false);
  });
});
