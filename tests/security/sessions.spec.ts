/**
 * Sign-in throttling under a burst and sessions that end when they should, against the production build.
 */
import { expect, test } from "@playwright/test";
import { apiAs, BOOTSTRAP_API_KEY, createPerson, postCredentials, signedIn } from "./fixtures";

test("50 wrong passwords at once: only the limit is judged, the rest are told to wait, and so is the right one", async ({ baseURL }) => {
  const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
  const person = await createPerson(admin);
  const burst = await Promise.all(
    Array.from({ length: 50 }, async (_, i) => {
      const context = await apiAs(baseURL!);
      const response = await postCredentials(context, person.email, `wrong password ${i}`);
      return { status: response.status(), retryAfter: response.headers()["retry-after"] };
    }),
  );
  const judged = burst.filter((r) => r.status === 401);
  const throttled = burst.filter((r) => r.status === 429);
  expect(judged.length + throttled.length).toBe(50);
  expect(judged.length).toBe(5);
  expect(throttled.every((r) => Number(r.retryAfter) > 0)).toBe(true);
  const right = await postCredentials(await apiAs(baseURL!), person.email, person.password);
  expect(right.status()).toBe(429);
});

test.describe("a session ends at once", () => {
  test("when its person signs out", async ({ baseURL }) => {
    const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
    const person = await createPerson(admin);
    const phone = await signedIn(baseURL!, person.email, person.password);
    const desk = await signedIn(baseURL!, person.email, person.password);
    expect((await desk.get("/api/v1/me")).status()).toBe(200);
    const { csrfToken } = await (await phone.get("/api/auth/csrf")).json();
    expect((await phone.post("/api/auth/signout", { form: { csrfToken, json: "true" } })).status()).toBe(200);
    // Sign-out ends every session of the person, the one on the desk too.
    expect((await desk.get("/api/v1/me")).status()).toBe(401);
  });

  for (const [change, update] of [
    ["when an admin deactivates the person", { active: false }],
    ["when the person's role changes", { role: "manager" }],
    ["when the person's password changes", { password: "another long password" }],
  ] as const) {
    test(change, async ({ baseURL }) => {
      const admin = await apiAs(baseURL!, BOOTSTRAP_API_KEY);
      const person = await createPerson(admin);
      const session = await signedIn(baseURL!, person.email, person.password);
      expect((await session.get("/api/v1/me")).status()).toBe(200);
      expect((await admin.patch(`/api/v1/users/${person.id}`, { data: update })).status()).toBe(200);
      expect((await session.get("/api/v1/me")).status()).toBe(401);
    });
  }
});
