import { describe, expect, it } from "vitest";
import { ForecastInputInvalid } from "./errors";
import { forecastMany } from "./forecast-many";

describe("forecastMany", () => {
  it("lists every faulty series before forecasting any", () => {
    const call = () =>
      forecastMany({
        horizon: 3,
        series: [
          { id: "ok", period: "month", values: [1, 2, 3, 4] },
          { id: "neg", period: "month", values: [1, -1, 3] },
          { id: "short", period: "week", values: [1, null, 2] },
        ],
      });
    expect(call).toThrow(ForecastInputInvalid);
    try {
      call();
    } catch (error) {
      expect((error as ForecastInputInvalid).issues.map((i) => i.field)).toEqual(["series.1.values.1", "series.2.values"]);
    }
  });

  it("refuses a horizon beyond two years of the series' period", () => {
    expect(() => forecastMany({ horizon: 25, series: [{ id: "m", period: "month", values: [1, 2, 3] }] })).toThrow(/out of range/);
    expect(forecastMany({ horizon: 25, series: [{ id: "w", period: "week", values: [1, 2, 3] }] }).data[0].forecast).toHaveLength(25);
  });

  it("keeps a seasonal pattern by the period's default season", () => {
    const pattern = [5, 5, 5, 5, 5, 30, 30];
    const values = Array.from({ length: 42 }, (_, t) => pattern[t % 7]);
    const [day] = forecastMany({ horizon: 7, series: [{ id: "d", period: "day", values }] }).data;
    expect(day.forecast[5]).toBeGreaterThan(2 * day.forecast[0]);
  });
});
