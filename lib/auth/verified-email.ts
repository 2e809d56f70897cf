/**
 * The e-mail a company sign-in may be linked by: only one the identity provider vouches for. A provider that
 * lets people set their own address (or one that sends `email_verified: false`) would otherwise let anyone
 * claim a Stockroom user by typing that user's e-mail. OpenID Connect Core 1.0 §5.1: `email_verified` is a
 * boolean; a few providers (older Amazon Cognito pools) send it as the string "true", which we accept too.
 */
export type CompanyProfile = { email?: unknown; email_verified?: unknown };

export function verifiedEmailOf(profile: CompanyProfile | undefined): string | null {
  if (!profile || typeof profile.email !== "string" || profile.email.trim() === "") return null;
  const isVerified = profile.email_verified === true || profile.email_verified === "true";
  return isVerified ? profile.email.trim().toLowerCase() : null;
}
