import { z } from "zod";

export const FORECAST_PERIODS = ["day", "week", "month"] as const;
export const MAX_SERIES_PER_CALL = 5_000;
export const MAX_HISTORY_LENGTH = 3_660;
/** The furthest ahead a forecast may reach, per period: about two years, beyond which a demand forecast is a guess. */
export const MAX_HORIZON: Record<(typeof FORECAST_PERIODS)[number], number> = { day: 730, week: 104, month: 24 };
/** The season assumed when a series does not say: a week of days, a year of weeks or months. */
export const DEFAULT_SEASON_LENGTH: Record<(typeof FORECAST_PERIODS)[number], number> = { day: 7, week: 52, month: 12 };
/** Fewest observed periods a forecast is made from. */
export const MIN_OBSERVED = 3;

const seriesInput = z.object({
  id: z.string().trim().min(1).max(120).describe("The caller's name for the series, echoed in the answer").meta({ example: "DRILL-18V@WH1" }),
  period: z.enum(FORECAST_PERIODS).describe("The length of one period of `values`"),
  values: z
    .array(z.number().finite().nullable())
    .max(MAX_HISTORY_LENGTH)
    .describe("Demand per period, oldest first; null is a period not observed (a stockout, a gap), not zero")
    .meta({ example: [4, 0, 3, null, 5, 2, 0, 6] }),
  seasonLength: z
    .number()
    .int()
    .min(1)
    .max(366)
    .optional()
    .describe("Periods per seasonal cycle; 7 for days, 52 for weeks, 12 for months when left out"),
});

export const forecastInput = z
  .object({
    horizon: z.number().int().min(1).describe("Periods to forecast after the last one of each series").meta({ example: 6 }),
    level: z
      .array(z.number().gt(0).lt(100))
      .min(1)
      .max(5)
      .optional()
      .describe("Coverage of the prediction intervals, in percent; [80, 95] when left out"),
    series: z.array(seriesInput).min(1).max(MAX_SERIES_PER_CALL).describe(`Up to ${MAX_SERIES_PER_CALL} series`),
  })
  .meta({ id: "ForecastInput" });

const bandsByLevel = z.record(z.string(), z.array(z.number())).describe('One array per level, keyed by the level: { "80": […], "95": […] }');

export const seriesForecast = z
  .object({
    id: z.string(),
    method: z
      .string()
      .describe(
        "The method chosen by rolling-origin holdout, e.g. theta, sba, mean(ses,theta,ets); mean(theta,global) when averaged with the model learnt across the call's series",
      ),
    class: z.enum(["smooth", "erratic", "intermittent", "lumpy"]).describe("Syntetos–Boylan class by ADI (1.32) and CV² (0.49)"),
    forecast: z.array(z.number()),
    lower: bandsByLevel,
    upper: bandsByLevel,
  })
  .meta({ id: "SeriesForecast" });

export const forecastAnswer = z.object({ data: z.array(seriesForecast) }).meta({ id: "ForecastAnswer" });

export type ForecastInput = z.output<typeof forecastInput>;
export type ForecastAnswer = z.input<typeof forecastAnswer>;

export const DEFAULT_ITEM_HORIZON = { day: 28, week: 12, month: 6 } as const;

export const itemForecastQuery = z
  .object({
    site: z.string().trim().min(1).max(32).describe("The site's code"),
    period: z.enum(FORECAST_PERIODS).default("week"),
    horizon: z.coerce.number().int().min(1).optional().describe("Periods ahead: 28 days, 12 weeks or 6 months when left out"),
  })
  .transform((q, ctx) => {
    const horizon = q.horizon ?? DEFAULT_ITEM_HORIZON[q.period];
    if (horizon > MAX_HORIZON[q.period]) {
      ctx.addIssue({ code: "custom", path: ["horizon"], message: `At most ${MAX_HORIZON[q.period]} ${q.period}s ahead` });
    }
    return { ...q, horizon };
  });

const bands = z.record(z.string(), z.array(z.number()));

export const itemForecast = z
  .object({
    sku: z.string(),
    site: z.string(),
    period: z.enum(FORECAST_PERIODS),
    history: z
      .array(
        z.object({
          start: z.string(),
          demand: z.number().int(),
          stockout: z.boolean(),
          recorded: z.number().int().optional().describe("What the ledger says, when a planner corrected the period"),
          note: z.string().optional().describe("The planner's reason for the correction"),
        }),
      )
      .describe("Demand per period (what left to customers); stockout periods are read as missing, not as no demand"),
    pinnedMethod: z.string().nullable().describe("The method a planner pinned, or null for automatic"),
    method: z.string().describe('"none" when there are fewer than three observed periods'),
    class: z.string().describe("smooth, erratic, intermittent or lumpy (ADI and CV²)"),
    forecast: z.array(z.number()),
    lower: bands,
    upper: bands,
    holdout: z
      .array(z.object({ name: z.string(), mae: z.number(), rmse: z.number(), score: z.number() }))
      .describe("The contenders' holdout errors, best first"),
    reorder: z
      .object({
        leadTimeDays: z.number(),
        leadTimeFrom: z.enum(["supplier", "default"]),
        abcClass: z.enum(["A", "B", "C"]),
        serviceLevel: z.number(),
        demandOverLeadTime: z.number(),
        safetyStock: z.number(),
        reorderPoint: z.number().int().describe("Suggested"),
        current: z.number().nullable().describe("The reorder point in force at the site (its own, else the item-wide default's)"),
      })
      .nullable(),
  })
  .meta({ id: "ItemForecast" });

export const forecastPlanInput = z.object({
  site: z.string().trim().min(1).max(32),
  period: z.enum(FORECAST_PERIODS).default("week"),
  pinnedMethod: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .nullable()
    .optional()
    .describe("A method from the forecast's holdout list to use instead of the best-scored one; null for automatic"),
  override: z
    .object({
      start: z.iso.date("The period's first day, YYYY-MM-DD"),
      demand: z.number().int().min(0, "Demand is 0 or more").max(1_000_000_000).nullable().describe("null removes the correction"),
      note: z.string().trim().min(1, "Say why this period is corrected").max(200),
    })
    .optional(),
});
export type ForecastPlanInput = z.input<typeof forecastPlanInput>;

export const forecastPlanView = z
  .object({
    sku: z.string(),
    site: z.string(),
    period: z.string(),
    pinnedMethod: z.string().nullable(),
    overrides: z.array(z.object({ start: z.string(), demand: z.number().int(), note: z.string(), by: z.string(), at: z.string() })),
  })
  .meta({ id: "ForecastPlan" });
