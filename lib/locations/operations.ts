import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { locationInput, locationListQuery, locationView } from "./schemas";

export const listLocationsOp = defineOperation({
  id: "listLocations",
  method: "GET",
  path: "/api/v1/locations",
  tag: "Locations",
  permission: "stock.view",
  summary: "List the locations at the caller's sites, in path order; filter by site or parent",
  query: locationListQuery,
  response: z.object({ data: z.array(locationView) }),
});

export const createLocationOp = defineOperation({
  id: "createLocation",
  method: "POST",
  path: "/api/v1/locations",
  tag: "Locations",
  permission: "locations.manage",
  summary: "Add a zone, aisle, rack, shelf or bin inside a location, or (admins) a new site",
  status: 201,
  body: locationInput,
  response: locationView,
  problems: ["not_found", "location_code_taken"],
});
