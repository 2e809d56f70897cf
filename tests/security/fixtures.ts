/**
 * What the security suite acts with, against the production build the e2e server runs (scripts/e2e-server.ts):
 * the bootstrap admin key that server is started with, API keys and people made through the API itself, and
 * sessions signed in through next-auth's own credentials flow, exactly as a browser does it.
 */
import { expect, request, type APIRequestContext } from "@playwright/test";

/** Given to the e2e server as STOCKROOM_BOOTSTRAP_API_KEY (e2e/playwright.config.ts); a test value, nowhere else. */
export const BOOTSTRAP_API_KEY = "sr_e2e_bootstrap_admin_key_not_for_production";

let sequence = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(sequence++).toString(36)}`.toUpperCase();

export async function apiAs(baseURL: string, key?: string): Promise<APIRequestContext> {
  return request.newContext({ baseURL, extraHTTPHeaders: key ? { authorization: `Bearer ${key}` } : {} });
}

export async function createKey(
  admin: APIRequestContext,
  role: string,
  sites: string[] = [],
  supplier?: string,
): Promise<{ id: string; key: string }> {
  const response = await admin.post("/api/v1/api-keys", { data: { name: unique(`sec-${role}-`).toLowerCase(), role, sites, supplier } });
  expect(response.status(), await response.text()).toBe(201);
  return response.json();
}

export async function createPerson(admin: APIRequestContext, role = "viewer", sites: string[] = []) {
  const email = `${unique("person-").toLowerCase()}@example.com`;
  const password = "a long enough password";
  const response = await admin.post("/api/v1/users", { data: { email, name: "Security test person", role, password, sites } });
  expect(response.status(), await response.text()).toBe(201);
  return { ...(await response.json()), email, password } as { id: string; email: string; password: string };
}

/** next-auth's credentials sign-in: the CSRF token, then the form post; answers the response of the post. */
export async function postCredentials(context: APIRequestContext, email: string, password: string, callbackUrl = "/") {
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  return context.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl, json: "true" } });
}

/** A signed-in browser-like context: its cookie jar holds the session. */
export async function signedIn(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL });
  const response = await postCredentials(context, email, password);
  expect(response.status(), await response.text()).toBe(200);
  return context;
}

/** The newest movement in the ledger: unchanged means nothing was posted. */
export async function ledgerHead(admin: APIRequestContext): Promise<string | null> {
  const { data } = await (await admin.get("/api/v1/movements?limit=1")).json();
  return data[0]?.id ?? null;
}
