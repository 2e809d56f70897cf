import type { Db } from "../db/client";

/**
 * Whether anyone can administer this installation: an active admin user (password or company sign-in) or an
 * admin API key that is not revoked. `npm start` refuses to serve without one, since nobody could then create
 * users, and a server nobody can sign in to invites someone to seed a known password.
 */
export async function hasAdminAccess(db: Db): Promise<boolean> {
  const [admin, key] = await Promise.all([
    db.user.findFirst({ where: { role: "admin", active: true }, select: { id: true } }),
    db.apiKey.findFirst({ where: { role: "admin", revokedAt: null }, select: { id: true } }),
  ]);
  return admin !== null || key !== null;
}

/** What `npm start` prints, to stderr, when it refuses to serve a database nobody can administer. */
export const NO_ADMIN_MESSAGE = [
  "this database has no admin, so nobody could sign in to manage it. Create the first one with",
  "    npm run admin:create -- --email you@example.com --name 'Your Name'   (asks for the password)",
  "  or set STOCKROOM_BOOTSTRAP_API_KEY (at least 24 characters) for an admin API key,",
  "  or STOCKROOM_DEMO=1 for the demo warehouse and its users (known passwords: never on real data).",
].join("\n");
