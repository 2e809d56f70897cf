/**
 * Where a sign-in may send the person afterwards: a path on this site, never another site. Plain string rules,
 * because browsers are lenient in ways a URL parser on the server is not: they drop tabs and newlines anywhere
 * in a URL, read `\` as `/`, and take `//host` as "another host, same scheme". Client-safe (no Node).
 */
const FALLBACK = "/";

/** Characters a browser strips or reinterprets inside a URL: controls (tab, CR, LF…) and the backslash. */
const TRICKY_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** `//host` or `/\host` once controls are dropped: another host to a browser. */
function namesAnotherHost(path: string): boolean {
  const squeezed = path.replace(CONTROL_CHARACTERS, "");
  return squeezed.startsWith("//") || squeezed.startsWith("/\\");
}

export function isSameSitePath(target: string): boolean {
  if (!target.startsWith("/") || TRICKY_CHARACTERS.test(target) || namesAnotherHost(target)) return false;
  // A router or proxy that decodes once more must not find another host either: `/%2F%2Fx` → `//x`.
  try {
    return !namesAnotherHost(decodeURIComponent(target));
  } catch {
    return false; // a malformed escape is nobody's real page
  }
}

/** The target when it is a path on this site, else the home page. */
export function sameSitePathOr(target: string | null | undefined, fallback = FALLBACK): string {
  return target && isSameSitePath(target) ? target : fallback;
}

/**
 * next-auth's redirect callback: a path on this site or a URL on this site's origin is kept; anything else
 * goes to the home page. (next-auth's default glues any `/…` onto the base URL, so `//x` became `base//x`.)
 */
export function sameSiteRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  const base = baseUrl.replace(/\/$/, "");
  if (url.startsWith("/")) return base + sameSitePathOr(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${base}/`;
  }
  if (parsed.origin !== new URL(baseUrl).origin) return `${base}/`;
  return parsed.origin + sameSitePathOr(parsed.pathname + parsed.search + parsed.hash);
}
