import type { Prisma } from "../db/generated/client";
import type { LocationView } from "./schemas";

export const locationWithCodes = {
  site: { select: { code: true } },
  parent: { select: { code: true } },
} as const satisfies Prisma.LocationInclude;

type LocationRow = Prisma.LocationGetPayload<{ include: typeof locationWithCodes }>;

export function toLocationView(location: LocationRow): LocationView {
  return {
    code: location.code,
    name: location.name,
    type: location.type,
    site: location.site.code,
    parent: location.parent?.code ?? null,
    path: location.path,
    isVirtual: location.isVirtual,
    conditions: {
      tempMinC: location.tempMinC?.toNumber() ?? null,
      tempMaxC: location.tempMaxC?.toNumber() ?? null,
      humidityMaxPct: location.humidityMaxPct,
      hazardClasses: location.hazardClasses,
    },
    capacityUnits: location.capacityUnits,
    active: location.active,
  };
}
