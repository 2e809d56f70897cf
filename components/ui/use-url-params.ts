"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useRef, useTransition } from "react";

export type ParamChanges = Record<string, string | number | null | undefined>;

/**
 * Screen state kept in the URL's search params, so back, forward, reload and a shared link all show the same
 * thing. `update` replaces the URL inside a transition (`isPending` while the server answers); a value equal to
 * its default, empty or null is left out to keep links short. Changes made while one is pending build on it.
 */
export function useUrlParams(defaults: Record<string, string>) {
  const router = useRouter();
  const pathname = usePathname();
  const current = useSearchParams().toString();
  const [isPending, startTransition] = useTransition();
  // The URL last asked for: useSearchParams() only catches up once the navigation has rendered.
  const requested = useRef<string | null>(null);

  const hrefFor = useCallback(
    (changes: ParamChanges, base: string = current) => {
      const params = new URLSearchParams(base);
      for (const [key, value] of Object.entries(changes)) {
        const text = value === null || value === undefined ? "" : String(value);
        if (text === "" || text === defaults[key]) params.delete(key);
        else params.set(key, text);
      }
      params.sort();
      const search = params.toString();
      return search ? `${pathname}?${search}` : pathname;
    },
    [current, defaults, pathname],
  );

  const navigate = useCallback(
    (href: string) => {
      requested.current = href.includes("?") ? href.slice(href.indexOf("?") + 1) : "";
      startTransition(() => router.replace(href, { scroll: false }));
    },
    [router],
  );

  const update = useCallback(
    (changes: ParamChanges) => navigate(hrefFor(changes, isPending && requested.current !== null ? requested.current : current)),
    [current, hrefFor, isPending, navigate],
  );

  return { update, hrefFor, navigate, isPending };
}
