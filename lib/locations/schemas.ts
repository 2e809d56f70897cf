import { z } from "zod";

/** The types a person creates; the virtual ones come with their site (./virtual-locations.ts). */
export const PHYSICAL_LOCATION_TYPES = ["site", "zone", "aisle", "rack", "shelf", "bin"] as const;
const ALL_LOCATION_TYPES = [...PHYSICAL_LOCATION_TYPES, "supplier", "customer", "loss", "scrap", "damage", "transit", "adjustment"] as const;

export const locationCode = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, "Enter a code")
  .max(40)
  // "/" separates codes in the materialised path, so it may not appear in one.
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "Letters, digits, dots, dashes and underscores only")
  .meta({ example: "WH1-A01-03" });

/** Degrees Celsius with one decimal, as the Decimal(5,1) columns hold them. */
export const temperatureC = z
  .number()
  .min(-273, "Colder than absolute zero")
  .max(999.9)
  .refine((value) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9, "At most one decimal place");

export const humidityPct = z.number().int().min(0).max(100);

type TemperatureRange = { tempMinC?: number | null; tempMaxC?: number | null };

export function isTemperatureRangeInverted({ tempMinC, tempMaxC }: TemperatureRange): boolean {
  return tempMinC != null && tempMaxC != null && tempMinC > tempMaxC;
}

export function refineTemperatureRange(value: TemperatureRange, ctx: z.RefinementCtx) {
  if (isTemperatureRangeInverted(value)) ctx.addIssue({ code: "custom", path: ["tempMaxC"], message: "Must not be below tempMinC" });
}

type Placement = { type: string; x?: number; y?: number; width?: number; height?: number };

/** A place on the map needs both x and y; a size alone places nothing; a site is the map, not on it. */
function refinePlacement(value: Placement, ctx: z.RefinementCtx) {
  const isPlaced = value.x !== undefined || value.y !== undefined;
  if (isPlaced && value.type === "site")
    ctx.addIssue({ code: "custom", path: ["x"], message: "A site is not drawn on a map: place the locations inside it" });
  else if (value.x === undefined && isPlaced) ctx.addIssue({ code: "custom", path: ["x"], message: "Give x with y" });
  else if (value.y === undefined && isPlaced) ctx.addIssue({ code: "custom", path: ["y"], message: "Give y with x" });
  else if (!isPlaced && (value.width !== undefined || value.height !== undefined)) {
    ctx.addIssue({
      code: "custom",
      path: [value.width !== undefined ? "width" : "height"],
      message: "Give x and y to place the location on the map",
    });
  }
}

export const locationInput = z
  .object({
    code: locationCode.describe("Unique across all sites; printed on the label. Upper-cased and trimmed"),
    name: z.string().trim().min(1, "Enter a name").max(120).meta({ example: "Aisle A01, bay 3" }),
    type: z.enum(PHYSICAL_LOCATION_TYPES).describe("site (a new site; admins only) | zone | aisle | rack | shelf | bin"),
    parent: locationCode.optional().describe("Code of the location this one is inside; required for every type but site"),
    tempMinC: temperatureC.optional().describe("Lowest temperature kept, °C"),
    tempMaxC: temperatureC.optional().describe("Highest temperature kept, °C"),
    humidityMaxPct: humidityPct.optional().describe("Highest relative humidity kept, %"),
    hazardClasses: z
      .array(z.string().trim().min(1).max(16))
      .max(20)
      .transform((classes) => [...new Set(classes)])
      .optional()
      .describe('Hazard classes the location is approved for, e.g. ["3", "8"]'),
    capacityUnits: z.number().int().positive().optional().describe("How many units fit"),
    x: z.number().min(0).max(10_000).optional().describe("Draw the location on its site's map: left edge, metres from the map's left side (with y)"),
    y: z.number().min(0).max(10_000).optional().describe("Top edge, metres from the map's top side (with x)"),
    width: z.number().positive().max(10_000).optional().describe("Width on the map, metres (default 1)"),
    height: z.number().positive().max(10_000).optional().describe("Height on the map, metres (default 1)"),
  })
  .superRefine(refineTemperatureRange)
  .superRefine(refinePlacement)
  .meta({ id: "LocationInput" });

export const locationView = z
  .object({
    code: z.string(),
    name: z.string(),
    type: z.enum(ALL_LOCATION_TYPES),
    site: z.string().describe("Code of the site the location belongs to"),
    parent: z.string().nullable().describe("Code of the enclosing location; null for a site and its virtual locations"),
    path: z.string().describe("Codes from the site down to this location, separated by /"),
    isVirtual: z.boolean(),
    conditions: z.object({
      tempMinC: z.number().nullable(),
      tempMaxC: z.number().nullable(),
      humidityMaxPct: z.number().int().nullable(),
      hazardClasses: z.array(z.string()),
    }),
    capacityUnits: z.number().int().nullable(),
    active: z.boolean(),
  })
  .meta({ id: "Location" });

export const locationListQuery = z.object({
  site: locationCode.optional().describe("Only this site's locations"),
  parent: locationCode.optional().describe("Only the locations directly inside this one"),
  includeVirtual: z.union([z.boolean(), z.stringbool()]).optional().describe("Include the virtual locations (default false)"),
});

export type LocationInput = z.input<typeof locationInput>;
export type LocationView = z.infer<typeof locationView>;
export type LocationListQuery = z.input<typeof locationListQuery>;
