import { describe, expect, it } from "vitest";
import { dueDraftPeriod, isoWeekOf } from "./draft-schedule";

describe("when a scheduled drafting is due", () => {
  it("names ISO weeks by the year of their Thursday", () => {
    expect(isoWeekOf("2026-12-03")).toBe("2026-W49");
    expect(isoWeekOf("2027-01-01")).toBe("2026-W53"); // a Friday: its Thursday is 31 December 2026
    expect(isoWeekOf("2027-01-04")).toBe("2027-W01");
    expect(isoWeekOf("2024-12-30")).toBe("2025-W01"); // a Monday whose Thursday is in 2025
  });

  it("daily: the site's local date from 06:00 local time", () => {
    // 04:30 UTC is 05:30 in Berlin (winter): not yet; 05:30 UTC is 06:30 there.
    expect(dueDraftPeriod("daily", "Europe/Berlin", new Date("2026-12-04T04:30:00Z"))).toBeNull();
    expect(dueDraftPeriod("daily", "Europe/Berlin", new Date("2026-12-04T05:30:00Z"))).toBe("2026-12-04");
    // 23:00 UTC on the 4th is already the 5th in Tokyo.
    expect(dueDraftPeriod("daily", "Asia/Tokyo", new Date("2026-12-04T23:00:00Z"))).toBe("2026-12-05");
    expect(dueDraftPeriod("daily", "UTC", new Date("2026-12-04T05:59:59Z"))).toBeNull();
  });

  it("weekly: the ISO week from Monday 06:00 local, also later in the week; off: never", () => {
    expect(dueDraftPeriod("weekly", "UTC", new Date("2026-11-30T05:00:00Z"))).toBeNull(); // Monday before six
    expect(dueDraftPeriod("weekly", "UTC", new Date("2026-11-30T06:00:00Z"))).toBe("2026-W49");
    expect(dueDraftPeriod("weekly", "UTC", new Date("2026-12-03T01:00:00Z"))).toBe("2026-W49"); // Thursday night
    expect(dueDraftPeriod("weekly", "America/New_York", new Date("2026-11-30T10:00:00Z"))).toBeNull(); // 05:00 there
    expect(dueDraftPeriod("off", "UTC", new Date("2026-12-03T12:00:00Z"))).toBeNull();
  });
});
