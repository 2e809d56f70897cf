/**
 * The edge against the production build: bodies over their limit (413, with or without an Idempotency-Key, on
 * the API, on uploads and on the sign-in route), cookie-authenticated writes that another site could forge, and
 * the sign-in redirect, which must stay on this site.
 */
import { expect, test } from "@playwright/test";
import { apiAs, BOOTSTRAP_API_KEY, createPerson, postCredentials, signedIn, unique } from "./fixtures";

test.describe("bodies over their limit", () => {
  test("1 MiB of JSON is the most any API route reads: 413 problem JSON, with or without an Idempotency-Key", async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
    const sku = unique("BIG-");
    for (const headers of [{}, { "idempotency-key": unique("big-") }] as Record<string, string>[]) {
      const response = await admin.post("/api/v1/items", { data: { sku, name: "Too big", description: "x".repeat(1024 * 1024) }, headers });
      expect(response.status()).toBe(413);
      expect(response.headers()["content-type"]).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "payload_too_large" });
    }
    expect((await admin.get(`/api/v1/items/${sku}`)).status()).toBe(404);
  });

  test("a CSV import over 5 MB is refused with 413", async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
    const csv = `sku,name\n${"A,B\n".repeat(1_400_000)}`;
    const response = await admin.post("/api/v1/items/import?mode=dry-run", { data: csv, headers: { "content-type": "text/csv" } });
    expect(response.status()).toBe(413);
  });

  test("the sign-in route reads no more than a sign-in form", async ({ baseURL }) => {
    const anonymous = await apiAs(baseURL!);
    const response = await anonymous.post("/api/auth/callback/credentials", { form: { email: "a@example.com", password: "x".repeat(100_000) } });
    expect(response.status()).toBe(413);
  });
});

test.describe("cookie-authenticated writes", () => {
  test("are refused in a form's media type or from another origin, and pass from this site", async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
    const manager = await createPerson(admin, "manager");
    const session = await signedIn(baseURL!, manager.email, manager.password);
    const item = () => ({ sku: unique("CSRF-"), name: "Forged?" });

    const asForm = await session.post("/api/v1/items", { form: item() });
    expect(asForm.status()).toBe(415);
    const asText = await session.post("/api/v1/items", { data: JSON.stringify(item()), headers: { "content-type": "text/plain" } });
    expect(asText.status()).toBe(415);
    const fromElsewhere = await session.post("/api/v1/items", { data: item(), headers: { origin: "https://evil.example" } });
    expect(fromElsewhere.status()).toBe(403);
    expect(await fromElsewhere.json()).toMatchObject({ code: "cross_site_request" });
    const crossSite = await session.post("/api/v1/items", { data: item(), headers: { "sec-fetch-site": "cross-site" } });
    expect(crossSite.status()).toBe(403);

    const fromHere = await session.post("/api/v1/items", {
      data: item(),
      headers: { origin: new URL(baseURL!).origin, "sec-fetch-site": "same-origin" },
    });
    expect(fromHere.status(), await fromHere.text()).toBe(201);
  });

  test("API-key calls are not cookie calls: a service's origin and media type are its own business", async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
    const response = await admin.post("/api/v1/items", {
      data: JSON.stringify({ sku: unique("SVC-"), name: "From a service" }),
      headers: { "content-type": "text/plain", origin: "https://shop.example" },
    });
    expect(response.status()).toBe(201);
  });
});

test.describe("the sign-in redirect", () => {
  for (const callbackUrl of ["//other.example", "/\\other.example", "https://other.example/x", "/%2F%2Fother.example", "javascript:alert(1)"]) {
    test(`stays on this site for callbackUrl=${callbackUrl}`, async ({ baseURL }) => {
      const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
      const person = await createPerson(admin);
      const context = await apiAs(baseURL!);
      const response = await postCredentials(context, person.email, person.password, callbackUrl);
      expect(response.status()).toBe(200);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url, baseURL).origin).toBe(new URL(baseURL!).origin);
      expect(new URL(url, baseURL).pathname.startsWith("//")).toBe(false);
    });
  }
});
