// The route handler of a documented operation: /api/v1/users/{id} → app/api/v1/users/[id]/route.ts.
import { join } from "node:path";
import type { Operation } from "../../lib/contract/operation";

export type RouteHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export async function routeOf(operation: Operation): Promise<RouteHandler> {
  const file = join(process.cwd(), "app", operation.path.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
  const route = (await import(/* @vite-ignore */ file)) as Record<string, RouteHandler>;
  return route[operation.method];
}

/** The concrete path of an operation for the given path parameters. */
export function pathOf(operation: Operation, params: Record<string, string>): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
}
