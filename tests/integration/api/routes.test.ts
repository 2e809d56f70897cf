// Every REST route has its operation in the OpenAPI document, and every documented operation has a route.
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS } from "../../../lib/http/openapi";
import * as healthRoute from "../../../app/api/health/route";
import { getDb } from "../../../lib/db/client";
import { callRoute } from "./call-route";

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? routeFiles(path) : entry === "route.ts" ? [path] : [];
  });
}

/** app/api/v1/users/[id]/route.ts → /api/v1/users/{id} */
function openApiPath(file: string) {
  return (
    "/" +
    relative("app", file)
      .replace(/\/route\.ts$/, "")
      .replace(/\[([^\]]+)\]/g, "{$1}")
  );
}

describe("REST routes and the OpenAPI document", () => {
  const files = [...routeFiles("app/api/v1"), "app/api/health/route.ts"];

  it("document every exported method of every route", async () => {
    for (const file of files) {
      const route = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, unknown>;
      const methods = Object.keys(route).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name));
      expect(methods.length, file).toBeGreaterThan(0);
      for (const method of methods) {
        expect(
          ALL_OPERATIONS.some((op) => op.method === method && op.path === openApiPath(file)),
          `${method} ${openApiPath(file)}`,
        ).toBe(true);
      }
    }
  });

  it("have a route for every documented operation", () => {
    const documented = new Set(files.map(openApiPath));
    for (const op of ALL_OPERATIONS) expect(documented.has(op.path), op.path).toBe(true);
  });
});

describe("GET /api/health", () => {
  it("is ok while the database answers", async () => {
    await getDb().$queryRaw`SELECT 1`;
    const res = await callRoute(healthRoute.GET as never, { path: "/api/health" });
    expect(res).toMatchObject({ status: 200, json: { status: "ok", db: "ok" } });
  });
});

describe("checkHealth", () => {
  it("reports the database unreachable, quickly, when it does not answer", async () => {
    const { checkHealth } = await import("../../../lib/system/check-health");
    const { createDb } = await import("../../../lib/db/client");
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/nothing", 1);
    const started = Date.now();
    expect(await checkHealth(unreachable, 3_000)).toEqual({ status: "degraded", db: "unreachable" });
    expect(Date.now() - started).toBeLessThan(5_000);
    await unreachable.$disconnect();
  });
});
