import { describe, expect, it } from "vitest";
import { authOptions } from "./auth-options";
import { verifiedEmailOf } from "./verified-email";

describe("verifiedEmailOf", () => {
  it("links a company sign-in only by an e-mail the provider verified", () => {
    expect(verifiedEmailOf({ email: "Ana@Example.com", email_verified: true })).toBe("ana@example.com");
    expect(verifiedEmailOf({ email: "ana@example.com", email_verified: "true" })).toBe("ana@example.com");
    expect(verifiedEmailOf({ email: "ana@example.com", email_verified: false })).toBeNull();
    expect(verifiedEmailOf({ email: "ana@example.com", email_verified: "false" })).toBeNull();
    expect(verifiedEmailOf({ email: "ana@example.com", email_verified: 1 })).toBeNull();
    expect(verifiedEmailOf({ email: "ana@example.com" })).toBeNull();
    expect(verifiedEmailOf({ email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: " ", email_verified: true })).toBeNull();
    expect(verifiedEmailOf(undefined)).toBeNull();
  });
});

describe("next-auth's signIn callback for the company provider", () => {
  const signIn = (profile: Record<string, unknown>) =>
    authOptions.callbacks!.signIn!({
      user: { id: "sub-1", email: "admin@example.com", name: "Admin" },
      account: { provider: "oidc", type: "oauth", providerAccountId: "sub-1" },
      profile: profile as never,
    });

  // Refused before any database look-up: an unverified address is never matched against the users.
  it("refuses a profile whose e-mail is not verified, even when it names an existing user", async () => {
    expect(await signIn({ sub: "sub-1", email: "admin@example.com", email_verified: false })).toBe(false);
    expect(await signIn({ sub: "sub-1", email: "admin@example.com" })).toBe(false);
  });
});
