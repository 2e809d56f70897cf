import { describe, expect, it } from "vitest";
import { counterKeys, delayAfter, judgeAttempt, THROTTLE_POLICIES, THROTTLE_WINDOW_MS, type Counter } from "./sign-in-throttle";
import { retryAfterOfSignInError, throttledSignInError, waitMessage } from "./throttled-sign-in-error";

const T0 = new Date("2026-01-05T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

function fresh(email = "ana@example.com", address: string | null = "10.0.0.1"): Counter[] {
  return counterKeys(email, address).map(({ key, kind }) => ({
    key,
    kind,
    windowStartedAt: T0,
    failures: 0,
    refusals: 0,
    nextAttemptAt: T0,
    knownSince: null,
  }));
}

/** Attempts at the given times, each judged against the counters the previous one left. */
function attempts(times: number[], counters = fresh()) {
  return times.map((ms) => {
    const verdict = judgeAttempt(counters, at(ms));
    counters = verdict.counters;
    return verdict;
  });
}

describe("delayAfter", () => {
  it("is free for the first attempts, then doubles up to a cap", () => {
    const pair = Array.from({ length: 12 }, (_, i) => delayAfter(i + 1, "pair") / 1000);
    expect(pair).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480, 900, 900, 900]);
    expect(delayAfter(1_000, "account")).toBe(THROTTLE_POLICIES.account.maxDelayMs);
    expect(delayAfter(THROTTLE_POLICIES.account.freeAttempts - 1, "account")).toBe(0);
  });
});

describe("judgeAttempt", () => {
  it("lets the free attempts through at once and makes the next one wait, saying how long", () => {
    const verdicts = attempts([0, 1, 2, 3, 4, 5]);
    expect(verdicts.slice(0, 5).every((v) => v.allowed)).toBe(true);
    expect(verdicts[5]).toMatchObject({ allowed: false, retryAfterSeconds: 30, firstRefusedBy: ["pair"] });
  });

  it("lets an attempt through once the wait is over, and makes the next wait twice as long", () => {
    const verdicts = attempts([0, 0, 0, 0, 0, 30_000, 30_001]);
    expect(verdicts[5].allowed).toBe(true);
    expect(verdicts[6]).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
  });

  it("counts refusals without moving the wait, and names the first refusal of a window only once", () => {
    const verdicts = attempts([0, 0, 0, 0, 0, 10_000, 20_000]);
    expect(verdicts[5]).toMatchObject({ allowed: false, retryAfterSeconds: 20, firstRefusedBy: ["pair"] });
    expect(verdicts[6]).toMatchObject({ allowed: false, retryAfterSeconds: 10, firstRefusedBy: [] });
    expect(verdicts[6].counters.find((c) => c.kind === "pair")).toMatchObject({ failures: 5, refusals: 2 });
  });

  it("starts a counter afresh once its window is over", () => {
    const verdicts = attempts([0, 0, 0, 0, 0, THROTTLE_WINDOW_MS]);
    expect(verdicts[5].allowed).toBe(true);
    expect(verdicts[5].counters.find((c) => c.kind === "pair")).toMatchObject({ failures: 1, refusals: 0, windowStartedAt: at(THROTTLE_WINDOW_MS) });
  });

  it("holds back a new address when the account is being guessed from elsewhere, but not a known one", () => {
    const busyAccount = (c: Counter): Counter => (c.kind === "account" ? { ...c, failures: 40, nextAttemptAt: at(60_000) } : c);
    expect(judgeAttempt(fresh().map(busyAccount), T0)).toMatchObject({ allowed: false, retryAfterSeconds: 60, firstRefusedBy: ["account"] });
    const known = fresh()
      .map(busyAccount)
      .map((c) => (c.kind === "pair" ? { ...c, knownSince: at(-1) } : c));
    const verdict = judgeAttempt(known, T0);
    expect(verdict).toMatchObject({ allowed: true, counted: ["pair"] });
    expect(verdict.counters.find((c) => c.kind === "account")?.failures).toBe(40);
  });

  it("without a client address counts the pair and the account only", () => {
    expect(counterKeys("ana@example.com", null).map((k) => k.kind)).toEqual(["account", "pair"]);
  });
});

describe("the throttled sign-in error", () => {
  it("carries the wait through next-auth and back", () => {
    expect(retryAfterOfSignInError(throttledSignInError(29.2))).toBe(30);
    expect(retryAfterOfSignInError("CredentialsSignin")).toBeNull();
    expect(retryAfterOfSignInError("SignInThrottled:soon")).toBeNull();
    expect(retryAfterOfSignInError(null)).toBeNull();
    expect(waitMessage(1)).toBe("Too many sign-in attempts. Wait 1 second, then try again.");
    expect(waitMessage(240)).toBe("Too many sign-in attempts. Wait 4 minutes, then try again.");
  });
});
