/**
 * next-auth 4 configuration: e-mail + password (Argon2id) always, and the company's OpenID Connect provider
 * when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. Sessions are JWTs that carry only the user
 * id and the session version (session-claims.ts); role, sites and whether the session still holds are read
 * fresh per request (load-actor.ts).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "../db/client";
import { signOutEverywhere } from "./end-sessions";
import { sameSiteRedirect } from "./same-site-path";
import { SignInThrottled, signInWithIdentityProvider, signInWithPassword } from "./sign-in";
import { sessionClaimsOf } from "./session-claims";
import { throttledSignInError } from "./throttled-sign-in-error";
import { verifiedEmailOf, type CompanyProfile } from "./verified-email";

declare module "next-auth" {
  interface User {
    /** The user's session version at sign-in, carried into the token. */
    sessionVersion?: number;
  }
}

/**
 * The client's address for throttling. Next.js sets X-Forwarded-For to the socket's address when no proxy
 * did; a proxy appends the address it saw. The last entry is the nearest hop's view, the one a client cannot
 * choose when a proxy is in front (the first entry is whatever the client sent).
 */
function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
  return value?.split(",").at(-1)?.trim() || null;
}

function oidcProvider(): NextAuthOptions["providers"] {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = process.env;
  if (!issuer || !clientId || !clientSecret) return [];
  return [
    {
      id: "oidc",
      name: process.env.OIDC_NAME ?? "Company sign-in",
      type: "oauth",
      wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId,
      clientSecret,
      idToken: true,
      checks: ["pkce", "state"],
      authorization: { params: { scope: "openid email profile" } },
      profile: (profile: { sub: string; email?: string; name?: string }) => ({
        id: profile.sub,
        email: profile.email ?? "",
        name: profile.name ?? profile.email ?? "",
      }),
    },
  ];
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 }, // one shift and then some
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "E-mail and password",
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) return null;
        try {
          const user = await signInWithPassword(getDb(), {
            email: credentials.email,
            password: credentials.password,
            ip: clientIp(request?.headers),
          });
          return user ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
        } catch (error) {
          // next-auth passes a thrown message to the client as ?error=; the auth route makes it a 429.
          if (error instanceof SignInThrottled) throw new Error(throttledSignInError(error.retryAfterSeconds));
          throw error;
        }
      },
    }),
    ...oidcProvider(),
  ],
  events: {
    async signOut({ token }) {
      const claims = sessionClaimsOf(token);
      if (claims) await signOutEverywhere(getDb(), claims);
    },
  },
  callbacks: {
    redirect: async (target) => sameSiteRedirect(target),
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const email = verifiedEmailOf(profile as CompanyProfile | undefined);
      if (!email) return false;
      const known = await signInWithIdentityProvider(getDb(), { email, provider: "oidc" });
      if (!known) return false;
      user.id = known.id;
      user.sessionVersion = known.sessionVersion;
      return true;
    },
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionVersion = user.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.userId as string | undefined };
    },
  },
};
