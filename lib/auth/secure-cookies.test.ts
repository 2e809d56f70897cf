import NextAuth from "next-auth";
import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * The Set-Cookie next-auth sends when a browser first asks for a CSRF token, under the given public URL.
 * Through next-auth's handler with a stand-in response: the cookie options are what a browser would get.
 */
async function csrfSetCookie(publicUrl: string): Promise<string> {
  vi.stubEnv("NEXTAUTH_URL", publicUrl);
  vi.resetModules(); // auth-options reads NEXTAUTH_URL once, when loaded
  const { authOptions } = await import("./auth-options");
  const sent = new Map<string, unknown>();
  const response = {
    status: () => response,
    setHeader: (name: string, value: unknown) => (sent.set(name.toLowerCase(), value), response),
    getHeader: (name: string) => sent.get(name.toLowerCase()),
    send: () => {},
    json: () => {},
    end: () => {},
  };
  const request = { method: "GET", query: { nextauth: ["csrf"] }, headers: {}, cookies: {}, body: {} };
  await NextAuth(request as never, response as never, { ...authOptions, secret: "test-secret" });
  return [sent.get("set-cookie")].flat().join("\n");
}

describe("session cookies", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are Secure and bound to the host when the app is served over HTTPS", async () => {
    const cookie = await csrfSetCookie("https://stock.example.com");
    expect(cookie).toMatch(/^__Host-next-auth\.csrf-token=/);
    expect(cookie).toMatch(/; Secure/);
  });

  it("stay usable on plain http://localhost, where a Secure cookie would never come back", async () => {
    const cookie = await csrfSetCookie("http://localhost:3000");
    expect(cookie).toMatch(/^next-auth\.csrf-token=/);
    expect(cookie).not.toMatch(/Secure/);
  });
});
