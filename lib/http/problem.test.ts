import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Conflict, Forbidden, NotFound, RemoteFailure, TooManyAttempts, Unauthenticated, ValidationFailed } from "../domain-error";
import { MalformedRequest, problemResponse, toProblem } from "./problem";

describe("toProblem", () => {
  it("maps each kind of domain error to its HTTP status", () => {
    const cases: [Error, number][] = [
      [new ValidationFailed([{ field: "email", message: "bad" }]), 422],
      [new Unauthenticated(), 401],
      [new Forbidden("users.manage"), 403],
      [new NotFound("User", "x"), 404],
      [new Conflict("busy"), 409],
      [new TooManyAttempts("slow down"), 429],
      [new MalformedRequest("not json"), 400],
      [new RemoteFailure("the mail server said 550"), 502],
    ];
    for (const [error, status] of cases) expect(toProblem(error, "c1").status, error.name).toBe(status);
  });

  it("keeps the stable code and status when a detail has the same name", () => {
    const problem = toProblem(new Conflict("taken", { code: "WH-9", status: 1 }), "c1");
    expect(problem).toMatchObject({ code: "conflict", status: 409 });
  });

  it("lists every failing field of a zod error", () => {
    const result = z.object({ email: z.email(), name: z.string().min(1) }).safeParse({ email: "nope", name: "" });
    const problem = toProblem(result.error, "c1");
    expect(problem.status).toBe(422);
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(["email", "name"]);
  });

  it("hides internals of unexpected errors behind a correlation id", () => {
    const problem = toProblem(new Error("password=hunter2 at db.ts:12"), "corr-42");
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain("hunter2");
    expect(problem.correlationId).toBe("corr-42");
    expect(problem.detail).toContain("corr-42");
  });

  it("answers 503 with Retry-After when every database connection stayed busy, since nothing was done", () => {
    const problem = toProblem(new Error("timeout exceeded when trying to connect"), "c9");
    expect(problem).toMatchObject({ status: 503, code: "busy" });
    expect(problemResponse(problem).headers.get("retry-after")).toBe("1");
    expect(problemResponse(toProblem(new Error("other"), "c10")).headers.get("retry-after")).toBeNull();
  });
});
