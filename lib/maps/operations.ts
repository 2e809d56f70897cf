import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { siteCodeParams, siteMapInput, siteMapVersionView, siteMapView, undoSiteMapInput } from "./schemas";

export const getSiteMapOp = defineOperation({
  id: "getSiteMap",
  method: "GET",
  path: "/api/v1/sites/{code}/map",
  tag: "Maps",
  permission: "stock.view",
  summary: "The site's floor map: its size and shapes (zones, aisles, racks, bins, walls, doors, docks); version 0 and no shapes when never saved",
  params: siteCodeParams,
  response: siteMapView,
  problems: ["not_found"],
});

export const saveSiteMapOp = defineOperation({
  id: "saveSiteMap",
  method: "PUT",
  path: "/api/v1/sites/{code}/map",
  tag: "Maps",
  permission: "locations.manage",
  summary: "Save the site's floor map as a new version",
  description:
    "`version` is the version the edit started from (0 for a site without a map); when another save came first the answer is 409 `map_version_stale` with `currentVersion`. 422 names each failing field: a shape outside the map, a repeated id, or a `location` that is not a location code of this site (`shapes.N.location`).",
  params: siteCodeParams,
  body: siteMapInput,
  response: siteMapView,
  problems: ["not_found", "map_version_stale"],
});

export const listSiteMapVersionsOp = defineOperation({
  id: "listSiteMapVersions",
  method: "GET",
  path: "/api/v1/sites/{code}/map/versions",
  tag: "Maps",
  permission: "stock.view",
  summary: "Saved versions of the site's map, newest first: who saved each, when, and why",
  params: siteCodeParams,
  response: z.object({ data: z.array(siteMapVersionView) }),
  problems: ["not_found"],
});

export const undoSiteMapOp = defineOperation({
  id: "undoSiteMap",
  method: "POST",
  path: "/api/v1/sites/{code}/map/undo",
  tag: "Maps",
  permission: "locations.manage",
  summary: "Take the map back one step, saved as a new version (history is kept)",
  description:
    "`version` must be the current version (409 `map_version_stale` otherwise); 409 `map_nothing_to_undo` when there is no earlier version. Repeated undos walk further back.",
  params: siteCodeParams,
  body: undoSiteMapInput,
  response: siteMapView,
  problems: ["not_found", "map_version_stale", "map_nothing_to_undo"],
});
