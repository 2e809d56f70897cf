/**
 * How a throttled sign-in travels through next-auth, which passes only an error string from authorize() to the
 * client (as `?error=` in its answer): "SignInThrottled:<seconds>". The route in app/api/auth turns it into a
 * 429 with Retry-After, and the sign-in form and page into a wait message. Client-safe.
 */
const PREFIX = "SignInThrottled:";

export function throttledSignInError(retryAfterSeconds: number): string {
  return `${PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The seconds to wait when the error says the attempt was throttled, else null. */
export function retryAfterOfSignInError(error: string | null | undefined): number | null {
  if (!error?.startsWith(PREFIX)) return null;
  const seconds = Number(error.slice(PREFIX.length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}

/** "Too many sign-in attempts. Wait 30 seconds, then try again." */
export function waitMessage(retryAfterSeconds: number): string {
  const wait =
    retryAfterSeconds < 90 ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}` : `${Math.ceil(retryAfterSeconds / 60)} minutes`;
  return `Too many sign-in attempts. Wait ${wait}, then try again.`;
}
