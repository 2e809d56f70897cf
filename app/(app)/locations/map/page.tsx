import { SiteMapScreen } from "@/components/map/site-map-screen";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/can";
import { requirePageActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { listLocations } from "@/lib/locations/list-locations";
import { getSiteMap } from "@/lib/maps/get-site-map";
import { listSites } from "@/lib/sites/list-sites";
import { chooseMapSite } from "@/lib/maps/choose-map-site";
import { listBinSummaries } from "@/lib/maps/list-bin-summaries";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata = { title: "Site map" };

type Search = { site?: string; highlight?: string; route?: string; focus?: string };

/**
 * The floor plan of one site: stock overlays, "show on map" (?highlight=<sku>), a walk through locations in order
 * (?route=A-01-01,A-03-02), and the editor for those who manage locations there.
 */
export default async function SiteMapPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("stock.view");
  const query = await searchParams;
  const db = getDb();
  const sites = await listSites(db, actor);
  const wanted = query.site?.trim().toUpperCase() ?? (await chooseMapSite(db, actor, { focus: query.focus, highlight: query.highlight }));
  const site = sites.find((s) => s.code === wanted) ?? sites[0];
  if (!site) {
    return (
      <>
        <PageHeader title="Site map" />
        <EmptyState title="No sites you can see">Ask an admin to assign you to a site.</EmptyState>
      </>
    );
  }
  const locations = await listLocations(db, actor, { site: site.code });
  const [map, bins] = await Promise.all([getSiteMap(db, actor, site.code), listBinSummaries(db, actor, site.id, locations)]);
  const highlight = query.highlight?.trim() || undefined;
  const route = query.route
    ?.split(",")
    .map((code) => code.trim().toUpperCase())
    .filter(Boolean);
  return (
    <>
      <Breadcrumbs trail={[{ label: "Locations", href: "/locations" }, { label: "Map" }]} />
      <PageHeader title={`Map of ${site.name}`} />
      <SiteMapScreen
        key={site.code}
        sites={sites.map((s) => ({ code: s.code, name: s.name }))}
        site={site.code}
        initialMap={map}
        bins={bins}
        locations={locations.filter((l) => !l.isVirtual).map((l) => ({ code: l.code, type: l.type }))}
        canManage={can(actor, "locations.manage", { siteId: site.id })}
        highlightSku={highlight}
        route={route}
        focus={query.focus?.trim().toUpperCase()}
      />
    </>
  );
}
