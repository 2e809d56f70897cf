import { describe, expect, it } from "vitest";
import { apiSecurityHeaders, contentSecurityPolicy, identityProviderOrigin, isServedOverHttps, newNonce, securityHeaders } from "./security-headers";

const plain = { nonce: "bm9uY2U=", isHttps: false, isDev: false };

function directives(policy: string) {
  return new Map(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));
}

describe("security headers", () => {
  it("lets scripts run only from our origin or with this request's nonce, never inline or eval'd", () => {
    const scripts = directives(contentSecurityPolicy(plain)).get("script-src")!;
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(scripts.join(" ")).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directives(contentSecurityPolicy({ ...plain, isDev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("lets no site frame the app and no plugin load", () => {
    const policy = directives(contentSecurityPolicy(plain));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(securityHeaders(plain)["X-Frame-Options"]).toBe("DENY");
  });

  it("allows the camera to this origin only, and no microphone or location", () => {
    expect(securityHeaders(plain)["Permissions-Policy"]).toBe("camera=(self), microphone=(), geolocation=(), payment=(), usb=()");
  });

  it("asks for HTTPS from then on (HSTS, upgraded requests) only when served over HTTPS", () => {
    expect(securityHeaders(plain)).not.toHaveProperty("Strict-Transport-Security");
    expect(contentSecurityPolicy(plain)).not.toContain("upgrade-insecure-requests");
    const secure = { ...plain, isHttps: true };
    expect(securityHeaders(secure)["Strict-Transport-Security"]).toBe("max-age=31536000");
    expect(contentSecurityPolicy(secure)).toContain("upgrade-insecure-requests");
  });

  it("takes HTTPS from the public URL, the proxy in front or the request itself", () => {
    expect(isServedOverHttps("https://stock.example.com", null, "http:")).toBe(true);
    expect(isServedOverHttps("http://localhost:3000", "https", "http:")).toBe(true);
    expect(isServedOverHttps("http://localhost:3000", "https, http", "http:")).toBe(true);
    expect(isServedOverHttps(undefined, null, "https:")).toBe(true);
    expect(isServedOverHttps("http://localhost:3000", "http", "http:")).toBe(false);
    expect(isServedOverHttps(undefined, null, "http:")).toBe(false);
  });

  it("lets the sign-in form go to the company identity provider, and nowhere else", () => {
    expect(identityProviderOrigin("https://id.example.com/realms/stock/")).toBe("https://id.example.com");
    expect(identityProviderOrigin("not a url")).toBeUndefined();
    const policy = directives(contentSecurityPolicy({ ...plain, identityProviderOrigin: "https://id.example.com" }));
    expect(policy.get("form-action")).toEqual(["'self'", "https://id.example.com"]);
    expect(directives(contentSecurityPolicy(plain)).get("form-action")).toEqual(["'self'"]);
  });

  it("makes a different nonce each time, of 128 bits", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });

  it("gives an API answer a policy that lets nothing load or run, with the same other headers", () => {
    const api = apiSecurityHeaders(true);
    expect(api["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    const { "Content-Security-Policy": _page, ...pageRest } = securityHeaders({ ...plain, isHttps: true });
    const { "Content-Security-Policy": _api, ...apiRest } = api;
    expect(apiRest).toEqual(pageRest);
  });
});
