import { z } from "zod";
import { locationCode } from "../locations/schemas";
import { shapeBox } from "../routing/shape-box";

export const SHAPE_KINDS = ["zone", "aisle", "rack", "bin", "wall", "door", "dock"] as const;
export const DEFAULT_MAP_SIZE = { width: 100, height: 60 } as const;
export const MAX_MAP_SIDE = 10_000;
export const MAX_SHAPES = 50_000;

const metres = z.number().describe("Metres");

export const mapShape = z
  .object({
    id: z.string().trim().min(1, "Give the shape an id").max(100).describe("Unique within the map; chosen by the editor"),
    kind: z.enum(SHAPE_KINDS).describe("zone | aisle | rack | bin | wall | door | dock. Routing walks along aisles, from the (first) dock"),
    x: metres.describe("Left edge, metres from the map's left side"),
    y: metres.describe("Top edge, metres from the map's top side"),
    width: metres.positive("Must be more than 0"),
    height: metres.positive("Must be more than 0"),
    rotation: z.number().min(-360).max(360).optional().describe("Degrees clockwise about the shape's centre"),
    location: locationCode.optional().describe("Code of the location (at this site) the shape stands for"),
  })
  .meta({ id: "MapShape" });

const mapContentFields = {
  width: metres.positive("Must be more than 0").max(MAX_MAP_SIDE).meta({ example: 100 }),
  height: metres.positive("Must be more than 0").max(MAX_MAP_SIDE).meta({ example: 60 }),
  unit: z.literal("m").describe("Always metres"),
  shapes: z.array(mapShape).max(MAX_SHAPES),
};

const EDGE_TOLERANCE = 1e-6;

/** Shape ids unique, every shape (turned by its rotation) inside the map. */
function refineShapes(map: { width: number; height: number; shapes: MapShape[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  for (const [index, shape] of map.shapes.entries()) {
    if (seen.has(shape.id)) ctx.addIssue({ code: "custom", path: ["shapes", index, "id"], message: `Another shape already has the id ${shape.id}` });
    seen.add(shape.id);
    const box = shapeBox(shape);
    if (
      box.x < -EDGE_TOLERANCE ||
      box.y < -EDGE_TOLERANCE ||
      box.x + box.width > map.width + EDGE_TOLERANCE ||
      box.y + box.height > map.height + EDGE_TOLERANCE
    ) {
      ctx.addIssue({ code: "custom", path: ["shapes", index], message: `Lies outside the ${map.width} × ${map.height} m map` });
    }
  }
}

export const siteMapInput = z
  .object({
    version: z.number().int().min(0).describe("The version this edit starts from (0 when the site has no map yet); another is a 409"),
    ...mapContentFields,
  })
  .superRefine(refineShapes)
  .meta({ id: "SiteMapInput" });

export const siteMapView = z
  .object({
    site: z.string().describe("Code of the site"),
    version: z.number().int().describe("0 while the site has no saved map"),
    ...mapContentFields,
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
  })
  .meta({ id: "SiteMap" });

export const siteMapVersionView = z
  .object({
    version: z.number().int(),
    savedAt: z.string(),
    savedBy: z.string(),
    note: z.string().nullable().describe("Why the version was made when not a plain save: an undo, a location placed"),
    shapeCount: z.number().int(),
  })
  .meta({ id: "SiteMapVersion" });

export const undoSiteMapInput = z
  .object({ version: z.number().int().min(1).describe("The current version, as the editor shows it; another is a 409") })
  .meta({ id: "UndoSiteMapInput" });

export const siteCodeParams = z.object({ code: locationCode.describe("The site's code") });

export type MapShape = z.output<typeof mapShape>;
export type SiteMapInput = z.input<typeof siteMapInput>;
export type SiteMapView = z.infer<typeof siteMapView>;
export type SiteMapVersionView = z.infer<typeof siteMapVersionView>;
export type UndoSiteMapInput = z.input<typeof undoSiteMapInput>;
