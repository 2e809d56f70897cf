import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { ValidationFailed } from "../domain-error";
import { privateAddressKind } from "./private-address";

/** A URL Stockroom will not call: not http(s), unresolvable, or reaching a private address (422 on `field`). */
export class OutboundUrlRefused extends ValidationFailed {
  readonly code: string = "url_refused";
  constructor(field: string, message: string) {
    super([{ field, message }]);
  }
}

/**
 * Refuses a URL Stockroom is about to call for someone else (a webhook, a shop channel) unless every address
 * its host resolves to is public, or the installation allows private URLs (on-premise installs whose receivers
 * sit on the local network). Check when the URL is given and again before each call: DNS may have changed.
 */
export async function checkOutboundUrl(url: string, options: { allowPrivate: boolean; field?: string }): Promise<void> {
  const field = options.field ?? "url";
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundUrlRefused(field, "Not a URL");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") throw new OutboundUrlRefused(field, "Only http and https URLs can be called");
  if (options.allowPrivate) return;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = isIP(host) ? [host] : await resolve(host, field);
  for (const address of addresses) {
    const kind = privateAddressKind(address);
    if (kind)
      throw new OutboundUrlRefused(
        field,
        `${parsed.hostname} reaches ${address}, which is not public (${kind}); private addresses are refused unless an admin allows them (PATCH /api/v1/settings { allowPrivateUrls: true })`,
      );
  }
}

async function resolve(host: string, field: string): Promise<string[]> {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    throw new OutboundUrlRefused(field, `${host} does not resolve to an address`);
  }
}
