import { describe, expect, it } from "vitest";
import { ALL_OPERATIONS, buildOpenApiDocument } from "./openapi";

describe("the OpenAPI document", () => {
  const document = buildOpenApiDocument();

  it("is OpenAPI 3.1 with every operation, each with a unique id", () => {
    expect(document.openapi).toBe("3.1.0");
    const ids = ALL_OPERATIONS.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of ALL_OPERATIONS) {
      expect(document.paths[op.path]?.[op.method.toLowerCase()]?.operationId).toBe(op.id);
    }
  });

  it("resolves every $ref to a component", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref);
  });

  it("documents problems for protected and validated operations", () => {
    const createUser = document.paths["/api/v1/users"].post as { responses: Record<string, unknown>; requestBody?: unknown };
    expect(Object.keys(createUser.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "409", "422"]));
    expect(createUser.requestBody).toBeDefined();
  });

  it("offers Idempotency-Key on the costing, settings and report writes", () => {
    const writes: [string, string][] = [
      ["/api/v1/categories/{path}", "patch"],
      ["/api/v1/settings", "patch"],
      ["/api/v1/reports/{name}/runs", "post"],
      ["/api/v1/report-schedules", "post"],
    ];
    for (const [path, method] of writes) {
      const operation = document.paths[path][method] as { parameters: { name: string; in: string; description?: string }[] };
      expect(operation.parameters, `${method} ${path}`).toContainEqual(
        expect.objectContaining({ name: "Idempotency-Key", in: "header", description: expect.stringContaining("422") }),
      );
    }
  });
});
