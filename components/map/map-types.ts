import type { MapShape, SiteMapVersionView, SiteMapView } from "@/lib/maps/schemas";

export type { MapShape };
export type SiteMap = SiteMapView;
export type MapVersion = Pick<SiteMapVersionView, "version" | "savedAt" | "savedBy"> & Partial<Pick<SiteMapVersionView, "note">>;

/** A place on the floor in metres, y growing away from the map's top edge. */
export type Point = { x: number; y: number };

/** What an overlay shows per location: the fill colour of its shape and a short reading for the panel and labels. */
export type OverlayValue = { colour: string; text: string };

/** A way of colouring the bins, built by the screen from the data the page loaded; the plan only paints it. */
export type MapOverlay = {
  id: string;
  label: string;
  legend: { colour: string; label: string }[];
  valueByLocation: Record<string, OverlayValue>;
};

/** A location to point out ("show on map"): a ring around its shape and the quantity there. */
export type MapHighlight = { quantity: number; note?: string };

/** A stop on a drawn route: a point on the floor or the code of a location (its shape's centre). */
export type RouteStop = Point | string;

export type { BinSummary } from "@/lib/maps/list-bin-summaries";

/** A location of the site, for the editor's pickers. */
export type SiteLocation = { code: string; type: string };
