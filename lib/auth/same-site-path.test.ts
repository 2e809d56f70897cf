import { describe, expect, it } from "vitest";
import { authOptions } from "./auth-options";
import { isSameSitePath, sameSitePathOr } from "./same-site-path";

const ELSEWHERE = [
  "//other.example",
  "//other.example/items",
  "/\\other.example",
  "\\\\other.example",
  "\\/other.example",
  "/%2F%2Fother.example",
  "/%2f/other.example",
  "/%5Cother.example",
  "/\t/other.example",
  "/\n/other.example",
  "/\r\n/other.example",
  "/%09/other.example",
  "https://other.example",
  "http://other.example/items",
  "javascript:alert(1)",
  "java\tscript:alert(1)",
  " /items",
  "items",
  "",
  "/%E0%A4%A", // a malformed escape
];

const HERE = ["/", "/items", "/items/MILK-1L?tab=lots#levels", "/scan#receive", "/search?q=a%2Fb", "/items/a%20b"];

describe("isSameSitePath", () => {
  it.each(ELSEWHERE)("refuses %j", (target) => {
    expect(isSameSitePath(target)).toBe(false);
    expect(sameSitePathOr(target)).toBe("/");
  });

  it.each(HERE)("keeps %j", (target) => {
    expect(isSameSitePath(target)).toBe(true);
    expect(sameSitePathOr(target)).toBe(target);
  });

  it("falls back when there is no target", () => {
    expect(sameSitePathOr(undefined)).toBe("/");
    expect(sameSitePathOr(null)).toBe("/");
  });
});

describe("next-auth's redirect callback", () => {
  const baseUrl = "http://localhost:3000";
  const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl });

  it.each(ELSEWHERE)("sends %j to the home page", async (url) => {
    expect(await redirect(url)).toBe(`${baseUrl}/`);
  });

  it("keeps paths and URLs on this site", async () => {
    expect(await redirect("/items?tab=lots")).toBe(`${baseUrl}/items?tab=lots`);
    expect(await redirect(`${baseUrl}/scan#move`)).toBe(`${baseUrl}/scan#move`);
    expect(await redirect(`${baseUrl}//other.example`)).toBe(`${baseUrl}/`);
  });
});
