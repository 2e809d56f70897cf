// The browser's side of the REST edge: calls from client components (scan screens, map editor) to /api/v1 with
// the session cookie. Client-safe: no Node, no Next.

/** A refusal as the API sends it: RFC 9457 problem JSON, `code` being the domain error's stable code. */
export type Problem = { status: number; code?: string; title?: string; detail?: string; errors?: { field: string; message: string }[] };

export type ApiAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

/** The network is not there (as opposed to the server answering no). */
export class Offline extends Error {}

/** Calls the API as the signed-in person; throws Offline when the request never reached a server. */
export async function callApi<T>(url: string, init: RequestInit = {}): Promise<ApiAnswer<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    throw new Offline("No connection");
  }
  const body = await response.json().catch(() => ({ title: response.statusText }));
  return response.ok
    ? { ok: true, status: response.status, data: body as T }
    : { ok: false, status: response.status, problem: { status: response.status, ...body } };
}

/** A key naming one write, so a retry after a lost answer is not applied twice. Works over plain HTTP on a
 * warehouse LAN too, where crypto.randomUUID is not offered. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function" && isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** A refusal in one line for a person: the detail when the API gave one. */
export function problemText(problem: Problem): string {
  return problem.detail ?? problem.title ?? `The server answered ${problem.status}`;
}
