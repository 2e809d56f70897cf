// Demo catalogue for seeding Stockroom: a mixed MRO + food-service distributor. Pure data and a seeded generator,
// so every call returns the same items and a re-seed produces the same database.

export type DemoSupplier = { code: string; name: string; email: string; phone: string };
export type DemoItem = {
  sku: string;
  name: string;
  description: string;
  category: string[];
  unit: "ea" | "box" | "pack" | "roll" | "pair" | "g" | "ml" | "m";
  tracking: "none" | "lot" | "serial";
  shelfLifeDays?: number;
  tempMinC?: number;
  tempMaxC?: number;
  hazardClass?: string;
  handlingNotes?: string;
  unitCost: string;
  supplierCodes: string[];
  supplierSku: string;
  leadTimeDays: number;
  minOrderQty: number;
  reorderPoint: number;
  openingQty: [number, number];
};

// [code, name, email, phone, supplier article-number pattern (# digit, A letter)]
const supplierTable: [string, string, string, string, string][] = [
  ["NFA", "Nordic Fasteners AB", "order.nordicfasteners@example.com", "+46 8 555 104 20", "NF-######"],
  ["RHW", "Rheinland Werkzeughandel GmbH", "vertrieb.rheinland@example.com", "+49 211 555 0142", "RW ###.###"],
  ["HVE", "Hollandia Elektrotechniek B.V.", "orders.hollandia@example.org", "+31 20 555 0178", "HE########"],
  ["SGS", "Skandia Safety Supply AB", "sales.skandiasafety@example.com", "+46 31 555 227 80", "SS####-AA"],
  ["CCE", "ChemCare Europe GmbH", "service.chemcare@example.org", "+49 40 555 0193", "CC-#####-##"],
  ["PKN", "Packnet Verpakkingen B.V.", "verkoop.packnet@example.org", "+31 10 555 0126", "PN######"],
  ["FFD", "FreshFrost Foodservice AB", "order.freshfrost@example.com", "+46 40 555 318 60", "FF####"],
  ["KBR", "Kaffeerösterei Bergmann GmbH", "bestellung.bergmann@example.org", "+49 89 555 0167", "KB-###-##"],
  ["MDS", "Medisupply Nordic AB", "kundservice.medisupply@example.com", "+46 18 555 409 15", "MDS-#####"],
  ["ITG", "Industrial Trade Group B.V.", "orders.itg@example.com", "+31 30 555 0151", "#######"],
  ["WDG", "Werkstatt Direkt GmbH", "einkauf.werkstattdirekt@example.org", "+49 711 555 0188", "WD-####-###"],
];

export const demoSuppliers: DemoSupplier[] = supplierTable.map(([code, name, email, phone]) => ({ code, name, email, phone }));

type Traits = { sup?: string[]; lead?: [number, number] } & Partial<
  Pick<DemoItem, "unit" | "tracking" | "shelfLifeDays" | "tempMinC" | "tempMaxC" | "hazardClass" | "handlingNotes" | "minOrderQty" | "openingQty">
>;
// `name` and `desc` take the variant at "{v}"; each variant carries its own unit cost.
type Family = Traits & { name: string; desc: string; v: [string, number][] };
type Group = Traits & { cat: string; sku: string; families: Family[] };

const LI_ION = "Contains Li-ion batteries (UN3481); store at 30–50 % charge";
const AEROSOL = "Pressurised container: protect from sunlight, do not expose to temperatures above 50 °C";
const CORROSIVE = "Corrosive: keep upright, wear gloves and eye protection";
const FLAMMABLE = "Keep upright, away from heat and ignition sources";
const DRY = "Keep dry";
const size =
  (...s: string[]) =>
  (cost: number): [string, number][] =>
    s.map((x) => [x, cost]);

const catalog: Group[] = [
  {
    cat: "Tools > Power tools > Drills",
    sku: "PT-DRL",
    tracking: "serial",
    sup: ["RHW", "ITG"],
    lead: [5, 14],
    families: [
      {
        name: "Cordless drill driver {v}",
        desc: "Two-speed cordless drill driver with 13 mm keyless chuck, LED light and carry case.",
        hazardClass: "9",
        handlingNotes: LI_ION,
        v: [
          ["12 V, 2 × 2.0 Ah batteries", 129],
          ["18 V, 2 × 2.0 Ah batteries", 179],
          ["18 V, 2 × 4.0 Ah batteries", 239],
        ],
      },
      {
        name: "Cordless combi drill {v}",
        desc: "Hammer drill driver for masonry, wood and metal with 21-step torque clutch.",
        hazardClass: "9",
        handlingNotes: LI_ION,
        v: [
          ["18 V, 2 × 5.0 Ah batteries", 289],
          ["18 V brushless, 2 × 5.0 Ah batteries", 349],
        ],
      },
      {
        name: "Cordless drill driver {v}, body only",
        desc: "Bare tool for customers already on the 18 V battery platform; battery and charger not included.",
        v: [
          ["12 V", 79],
          ["18 V", 99],
        ],
      },
      {
        name: "Corded hammer drill {v}",
        desc: "Mains-powered impact drill with depth stop and auxiliary handle for drilling in concrete and brick.",
        v: [
          ["710 W, 13 mm chuck", 89],
          ["1010 W, 13 mm chuck, case", 129],
        ],
      },
      {
        name: "SDS-plus rotary hammer {v}",
        desc: "Three-mode rotary hammer for drilling and light chiselling in concrete, supplied in a case.",
        v: [
          ["800 W, 2.7 J", 159],
          ["1100 W, 3.5 J", 229],
        ],
      },
    ],
  },
  {
    cat: "Tools > Power tools > Saws",
    sku: "PT-SAW",
    tracking: "serial",
    sup: ["RHW", "ITG"],
    lead: [5, 14],
    families: [
      {
        name: "Circular saw {v}",
        desc: "Hand-held circular saw with bevel adjustment to 56° and parallel guide.",
        v: [
          ["1200 W, 165 mm blade", 119],
          ["1400 W, 190 mm blade", 159],
        ],
      },
      {
        name: "Jigsaw {v}",
        desc: "Jigsaw with four-stage pendulum action, tool-free T-shank blade change and dust blower.",
        v: [
          ["650 W, pendulum action", 89],
          ["800 W, pendulum action, case", 139],
        ],
      },
      {
        name: "Reciprocating saw {v}",
        desc: "Reciprocating saw for demolition, pruning and cutting pipe, with tool-free blade clamp.",
        v: [
          ["1100 W, corded", 129],
          ["18 V, body only", 149],
        ],
      },
      {
        name: "Sliding mitre saw {v}",
        desc: "Sliding compound mitre saw with laser guide, supplied with a 48-tooth TCT blade.",
        lead: [21, 45],
        handlingNotes: "Heavy item: two-person lift",
        v: [
          ["216 mm, 1600 W", 329],
          ["254 mm, 1800 W", 449],
        ],
      },
      {
        name: "Circular saw blade {v}",
        desc: "Carbide-tipped saw blade for portable and bench circular saws.",
        tracking: "none",
        v: [
          ["165 × 20 mm, 24 teeth, wood", 18.9],
          ["190 × 30 mm, 24 teeth, wood", 22.9],
          ["190 × 30 mm, 60 teeth, laminate", 34.9],
        ],
      },
    ],
  },
  {
    cat: "Tools > Power tools > Grinders",
    sku: "PT-GRD",
    tracking: "serial",
    sup: ["RHW", "WDG"],
    lead: [5, 14],
    families: [
      {
        name: "Angle grinder {v}",
        desc: "Angle grinder with spindle lock, restart protection and adjustable guard.",
        v: [
          ["115 mm, 750 W", 59],
          ["125 mm, 900 W", 79],
          ["125 mm, 1400 W, soft start", 119],
          ["230 mm, 2200 W", 149],
        ],
      },
      {
        name: "Cutting disc {v}, pack of 10",
        desc: "Thin bonded abrasive cutting disc for angle grinders, EN 12413.",
        tracking: "none",
        unit: "pack",
        v: [
          ["115 × 1.0 mm, stainless", 12.9],
          ["125 × 1.0 mm, stainless", 14.9],
          ["230 × 2.0 mm, steel", 29.9],
        ],
      },
      {
        name: "Flap disc 125 mm, zirconia, {v}",
        desc: "Zirconia flap disc for weld grinding and deburring on steel and stainless.",
        tracking: "none",
        v: [
          ["P40", 3.9],
          ["P80", 3.6],
        ],
      },
    ],
  },
  {
    cat: "Tools > Hand tools > Screwdrivers",
    sku: "HT-SCR",
    sup: ["RHW", "WDG"],
    lead: [4, 10],
    families: [
      {
        name: "Screwdriver {v}, two-component grip",
        desc: "Chrome-vanadium screwdriver with hardened blackened tip and hexagonal anti-roll handle.",
        v: [
          ["slotted 5.5 × 125 mm", 5.1],
          ["Phillips PH1 × 80 mm", 4.6],
          ["Phillips PH2 × 100 mm", 5.2],
          ["Pozidriv PZ2 × 100 mm", 5.2],
          ["Torx T20 × 100 mm", 5.4],
          ["Torx T25 × 100 mm", 5.6],
        ],
      },
      {
        name: "VDE insulated screwdriver set, {v}",
        desc: "Individually tested 1000 V insulated screwdrivers to IEC 60900 in a wall-mountable pouch.",
        v: [
          ["6 pieces", 34.9],
          ["7 pieces with voltage tester", 42.9],
        ],
      },
      {
        name: "Screwdriver bits {v}",
        desc: '25 mm insert bits with 1/4" hex shank for cordless drivers and bit holders.',
        unit: "pack",
        v: [
          ["PH2 × 25 mm, pack of 10", 6.5],
          ["PZ2 × 25 mm, pack of 10", 6.5],
          ["T25 × 25 mm, pack of 10", 7.2],
          ["PZ2 × 50 mm impact, pack of 5", 7.9],
        ],
      },
    ],
  },
  {
    cat: "Tools > Hand tools > Wrenches",
    sku: "HT-WRN",
    sup: ["RHW", "WDG"],
    lead: [4, 10],
    families: [
      {
        name: "Combination wrench {v} mm, chrome vanadium",
        desc: "Combination spanner with 15° offset open end and 12-point ring end.",
        v: [
          ["10", 5.4],
          ["13", 6.2],
          ["17", 7.8],
          ["19", 8.9],
        ],
      },
      {
        name: "Adjustable wrench {v}",
        desc: "Drop-forged adjustable wrench with laser-etched metric and imperial scales.",
        v: [
          ["150 mm", 11.9],
          ["250 mm", 17.9],
          ["300 mm", 24.5],
        ],
      },
      // Serial so each wrench can carry its own calibration certificate.
      {
        name: "Torque wrench {v}, click type",
        desc: "Click-type torque wrench with reversible ratchet, ±4 % accuracy and calibration certificate.",
        tracking: "serial",
        lead: [14, 30],
        v: [
          ['3/8", 20–100 Nm', 79],
          ['1/2", 40–200 Nm', 95],
        ],
      },
    ],
  },
  {
    cat: "Tools > Hand tools > Pliers",
    sku: "HT-PLR",
    sup: ["RHW", "WDG"],
    lead: [4, 10],
    families: [
      {
        name: "{v}",
        desc: "Forged chrome-vanadium pliers with induction-hardened cutting edges and two-component handles.",
        v: [
          ["Combination pliers 180 mm", 12.9],
          ["Long nose pliers 200 mm", 13.5],
          ["Diagonal side cutters 160 mm", 14.9],
          ["Water pump pliers 250 mm", 16.9],
          ["Locking pliers 250 mm", 15.5],
          ["Automatic wire stripper 0.2–6 mm²", 24.9],
        ],
      },
    ],
  },
  {
    cat: "Fasteners > Screws",
    sku: "FS-SCR",
    unit: "box",
    sup: ["NFA", "WDG"],
    lead: [3, 10],
    families: [
      {
        name: "Wood screw {v}, zinc, box of 200",
        desc: "Countersunk Pozidriv chipboard screw with partial thread, zinc-plated for indoor use.",
        v: [
          ["3.5 × 30 mm", 5.2],
          ["4.0 × 40 mm", 6.9],
          ["4.0 × 50 mm", 8.2],
          ["5.0 × 60 mm", 12.4],
          ["5.0 × 80 mm", 15.9],
        ],
      },
      {
        name: "Wood screw {v}, stainless A2, box of 100",
        desc: "Stainless countersunk Torx wood screw for decking and outdoor joinery.",
        v: [
          ["4.0 × 30 mm", 9.8],
          ["4.0 × 40 mm", 11.2],
          ["5.0 × 50 mm", 15.6],
        ],
      },
      {
        name: "Drywall screw {v}, phosphated, box of 1000",
        desc: "Bugle-head Phillips screw for fixing plasterboard to timber or metal studs.",
        v: [
          ["3.5 × 25 mm", 9.9],
          ["3.5 × 35 mm", 11.9],
          ["3.9 × 45 mm", 15.5],
        ],
      },
      {
        name: "Self-drilling screw {v}, hex washer head, box of 100",
        desc: "Tek screw that drills and taps steel sheet up to 5 mm in one operation.",
        v: [
          ["4.8 × 19 mm", 8.9],
          ["5.5 × 25 mm", 11.5],
          ["5.5 × 38 mm", 14.2],
        ],
      },
      {
        name: "Machine screw ISO 7045 {v}, pan head, zinc, box of 200",
        desc: "Phillips pan-head machine screw, property class 4.8, fully threaded.",
        v: [
          ["M4 × 12", 4.8],
          ["M5 × 20", 6.9],
          ["M6 × 25", 9.5],
        ],
      },
    ],
  },
  {
    cat: "Fasteners > Bolts",
    sku: "FS-BLT",
    unit: "box",
    sup: ["NFA", "ITG"],
    lead: [3, 10],
    families: [
      {
        name: "Hex bolt DIN 933 {v}, 8.8 zinc, box of 50",
        desc: "Fully threaded hexagon head bolt in property class 8.8 with bright zinc plating.",
        v: [
          ["M6 × 30", 4.9],
          ["M8 × 40", 7.9],
          ["M10 × 50", 12.9],
          ["M12 × 60", 21.5],
          ["M16 × 80", 44.9],
        ],
      },
      {
        name: "Carriage bolt DIN 603 {v}, zinc, box of 50",
        desc: "Mushroom-head square-neck bolt for timber connections.",
        v: [
          ["M6 × 50", 6.5],
          ["M8 × 60", 9.9],
          ["M10 × 80", 16.5],
        ],
      },
      {
        name: "Threaded rod DIN 976 {v} × 1 m, zinc",
        desc: "Metric threaded rod in steel grade 4.8 for suspensions and anchoring.",
        unit: "ea",
        v: [
          ["M6", 1.45],
          ["M8", 2.1],
          ["M10", 3.2],
          ["M12", 4.6],
        ],
      },
    ],
  },
  {
    cat: "Fasteners > Nuts & washers",
    sku: "FS-NUT",
    unit: "box",
    sup: ["NFA", "ITG"],
    lead: [3, 10],
    families: [
      {
        name: "Hex nut DIN 934 {v}, zinc, box of 200",
        desc: "Hexagon full nut in property class 8, zinc-plated.",
        v: [
          ["M5", 3.2],
          ["M6", 3.9],
          ["M8", 6.5],
          ["M10", 10.9],
          ["M12", 16.5],
        ],
      },
      {
        name: "Nylon insert lock nut DIN 985 {v}, zinc, box of 100",
        desc: "Prevailing-torque lock nut with nylon ring that resists loosening under vibration.",
        v: [
          ["M6", 5.9],
          ["M8", 8.5],
          ["M10", 12.9],
        ],
      },
      {
        name: "Flat washer DIN 125 {v}, zinc, box of 500",
        desc: "Plain washer form A for hexagon bolts and nuts.",
        v: [
          ["M6", 4.9],
          ["M8", 6.9],
          ["M10", 9.9],
          ["M12", 13.9],
        ],
      },
    ],
  },
  {
    cat: "Fasteners > Anchors",
    sku: "FS-ANC",
    unit: "box",
    sup: ["NFA", "WDG"],
    lead: [3, 10],
    families: [
      {
        name: "Nylon wall plug {v}, box of 100",
        desc: "Universal expansion plug for concrete, brick and aerated concrete.",
        v: [
          ["5 × 25 mm", 2.9],
          ["6 × 30 mm", 3.4],
          ["8 × 40 mm", 5.2],
          ["10 × 50 mm", 8.9],
        ],
      },
      {
        name: "Wedge anchor {v}, zinc, box of 50",
        desc: "Through-bolt anchor for medium to heavy fixings in non-cracked concrete.",
        v: [
          ["M8 × 75", 14.9],
          ["M10 × 90", 22.5],
          ["M12 × 110", 36.9],
        ],
      },
      {
        name: "Chemical anchor resin, {v}",
        desc: "Two-part injection mortar for threaded rods in solid and hollow masonry, mixing nozzle included.",
        unit: "ea",
        tracking: "lot",
        shelfLifeDays: 540,
        tempMinC: 5,
        tempMaxC: 25,
        sup: ["CCE", "NFA"],
        v: [
          ["polyester, 300 ml cartridge", 12.9],
          ["vinylester, 300 ml cartridge", 18.9],
          ["vinylester, 410 ml cartridge", 24.5],
        ],
      },
    ],
  },
  {
    cat: "Electrical > Cables",
    sku: "EL-CAB",
    sup: ["HVE", "ITG"],
    lead: [3, 10],
    families: [
      {
        name: "Installation cable {v}, cut to length",
        desc: "PVC-sheathed installation cable for fixed wiring indoors, sold by the metre from the drum.",
        unit: "m",
        minOrderQty: 10,
        openingQty: [100, 500],
        v: [
          ["NYM-J 3 × 1.5 mm²", 0.89],
          ["NYM-J 3 × 2.5 mm²", 1.29],
          ["NYM-J 5 × 1.5 mm²", 1.39],
          ["NYM-J 5 × 2.5 mm²", 2.05],
        ],
      },
      {
        name: "Rubber cable H07RN-F {v}, cut to length",
        desc: "Oil-resistant rubber-sheathed flexible cable for site equipment and outdoor use.",
        unit: "m",
        minOrderQty: 10,
        openingQty: [50, 250],
        v: [
          ["3G1.5 mm²", 1.65],
          ["3G2.5 mm²", 2.35],
          ["5G2.5 mm²", 3.85],
        ],
      },
      {
        name: "{v}",
        desc: "Splash-proof extension lead with earthed Schuko connectors for workshop and site use.",
        v: [
          ["Extension cable 10 m, H05RR-F 3G1.5, IP44", 19.9],
          ["Extension cable 25 m, H07RN-F 3G2.5, IP44", 39.9],
          ["Cable reel 25 m, 4 sockets, thermal cut-out", 49.9],
        ],
      },
      {
        name: "Cable ties {v}, black, pack of 100",
        desc: "UV-stabilised polyamide 6.6 cable ties for indoor and outdoor bundling.",
        unit: "pack",
        v: [
          ["2.5 × 100 mm", 1.9],
          ["3.6 × 200 mm", 3.4],
          ["4.8 × 300 mm", 6.2],
          ["7.6 × 370 mm", 11.9],
        ],
      },
    ],
  },
  {
    cat: "Electrical > Batteries",
    sku: "EL-BAT",
    tracking: "lot",
    sup: ["HVE", "ITG"],
    lead: [3, 10],
    families: [
      {
        name: "Alkaline battery {v}",
        desc: "Long-life alkaline battery for instruments, torches and remote controls.",
        unit: "pack",
        shelfLifeDays: 2555,
        minOrderQty: 12,
        v: [
          ["AA LR6, pack of 4", 3.2],
          ["AA LR6, pack of 24", 14.9],
          ["AAA LR03, pack of 4", 3.2],
          ["AAA LR03, pack of 24", 14.9],
          ["9 V 6LR61, pack of 2", 4.9],
          ["C LR14, pack of 2", 3.5],
          ["D LR20, pack of 2", 3.9],
        ],
      },
      {
        name: "Lithium coin cell {v}, pack of 5",
        desc: "3 V lithium coin cell in child-resistant blister packaging.",
        unit: "pack",
        shelfLifeDays: 3650,
        hazardClass: "9",
        v: [
          ["CR2032", 3.9],
          ["CR2450", 5.9],
        ],
      },
      {
        name: "Li-ion tool battery 18 V {v}",
        desc: "Slide-on 18 V lithium-ion battery pack with charge indicator for the cordless tool range.",
        shelfLifeDays: 730,
        tempMinC: 5,
        tempMaxC: 25,
        hazardClass: "9",
        handlingNotes: LI_ION,
        v: [
          ["2.0 Ah", 49],
          ["4.0 Ah", 79],
          ["5.0 Ah", 95],
        ],
      },
      {
        name: "{v}",
        desc: "Battery charger with automatic cut-off and temperature monitoring.",
        tracking: "serial",
        v: [
          ["Fast charger for 18 V Li-ion tool batteries", 45],
          ["NiMH charger, 4-bay AA/AAA, USB powered", 19.9],
        ],
      },
    ],
  },
  {
    cat: "Electrical > Lighting",
    sku: "EL-LGT",
    sup: ["HVE", "ITG"],
    lead: [3, 10],
    families: [
      {
        name: "LED bulb {v}",
        desc: "Non-dimmable LED lamp with 15 000 h rated life and CRI above 80.",
        v: [
          ["E27, 8.5 W, 806 lm, 2700 K", 3.9],
          ["E27, 13 W, 1521 lm, 4000 K", 5.9],
          ["E14, 4.9 W, 470 lm, 2700 K", 3.5],
          ["GU10, 4.7 W, 345 lm, 3000 K", 3.2],
        ],
      },
      {
        name: "LED tube T8 {v}",
        desc: "Glass LED tube that replaces fluorescent T8 tubes on electromagnetic ballasts, starter included.",
        handlingNotes: "Fragile",
        v: [
          ["600 mm, 9 W, 4000 K", 5.5],
          ["1200 mm, 18 W, 4000 K", 7.9],
          ["1500 mm, 22 W, 6500 K", 9.9],
        ],
      },
      {
        name: "LED floodlight {v}, IP65",
        desc: "Slim die-cast aluminium floodlight for façades, yards and loading bays.",
        v: [
          ["20 W, 1800 lm", 14.9],
          ["50 W, 4500 lm", 29.9],
          ["100 W, 9000 lm", 54.9],
        ],
      },
      {
        name: "Rechargeable LED work light {v}",
        desc: "Portable work light with built-in Li-ion battery, USB-C charging and folding stand.",
        tracking: "serial",
        hazardClass: "9",
        handlingNotes: LI_ION,
        v: [
          ["10 W, 1000 lm", 39.9],
          ["20 W, 2000 lm, magnetic base", 59.9],
        ],
      },
    ],
  },
  {
    cat: "Safety > Gloves",
    sku: "SF-GLV",
    unit: "pair",
    sup: ["SGS", "ITG"],
    lead: [3, 7],
    families: [
      {
        name: "Disposable nitrile gloves, powder-free, size {v}, box of 100",
        desc: "Blue 4 mil nitrile examination glove, food-contact approved, EN 374 and EN 455.",
        unit: "box",
        v: size("S", "M", "L", "XL")(9.9),
      },
      {
        name: "Nitrile-coated work gloves, size {v}",
        desc: "Seamless nylon knit glove with nitrile foam palm for dry and slightly oily handling, EN 388.",
        minOrderQty: 12,
        v: size("8", "9", "10", "11")(2.9),
      },
      {
        name: "Cut-resistant gloves, level C, size {v}",
        desc: "HPPE-blend knitted glove with PU palm coating, cut level C to EN 388:2016.",
        minOrderQty: 12,
        v: size("8", "9", "10")(7.9),
      },
      {
        name: "Leather rigger gloves, size {v}",
        desc: "Cowhide grain leather rigger glove with elasticated back for general handling.",
        minOrderQty: 12,
        v: size("9", "10")(4.5),
      },
    ],
  },
  {
    cat: "Safety > Eye protection",
    sku: "SF-EYE",
    sup: ["SGS", "ITG"],
    lead: [3, 7],
    families: [
      {
        name: "Safety glasses, {v}",
        desc: "Wraparound polycarbonate spectacles with soft nose pads, EN ISO 16321.",
        v: [
          ["clear, anti-fog", 3.9],
          ["tinted, UV400", 4.5],
          ["yellow, high contrast", 4.2],
        ],
      },
      {
        name: "Safety goggles, {v}",
        desc: "Polycarbonate goggles with elastic strap for chemical splash and dust, EN 166.",
        v: [
          ["indirect vent, anti-fog", 7.9],
          ["over-spectacle, indirect vent", 9.5],
        ],
      },
      {
        name: "{v}",
        desc: "Full-face protection for grinding and chemical handling, EN 166 impact rating B.",
        v: [
          ["Face shield with browguard, polycarbonate visor", 14.9],
          ["Replacement visor for face shield, 200 × 400 mm", 5.9],
        ],
      },
    ],
  },
  {
    cat: "Safety > Hi-vis",
    sku: "SF-HVS",
    sup: ["SGS"],
    lead: [3, 7],
    families: [
      {
        name: "Hi-vis vest, class 2, {v}",
        desc: "Polyester mesh vest with two 50 mm retroreflective bands, EN ISO 20471.",
        minOrderQty: 10,
        v: size("yellow, M/L", "yellow, XL/XXL", "orange, M/L", "orange, XL/XXL")(2.9),
      },
      {
        name: "Hi-vis rain jacket, class 3, size {v}",
        desc: "Waterproof breathable jacket with taped seams and detachable hood, EN ISO 20471 and EN 343.",
        v: size("M", "L", "XL", "XXL")(34.9),
      },
      {
        name: "Hi-vis T-shirt, class 2, yellow, size {v}",
        desc: "Birdseye polyester T-shirt with segmented reflective tape for warm-weather work.",
        v: size("M", "L", "XL")(8.9),
      },
    ],
  },
  {
    cat: "Chemicals > Adhesives",
    sku: "CH-ADH",
    tracking: "lot",
    shelfLifeDays: 365,
    tempMinC: 5,
    tempMaxC: 25,
    sup: ["CCE", "ITG"],
    lead: [5, 21],
    families: [
      {
        name: "Cyanoacrylate instant adhesive, {v}",
        desc: "Medium-viscosity superglue for metal, rubber and most plastics, sets in seconds.",
        v: [
          ["20 g bottle", 4.9],
          ["50 g bottle", 9.9],
        ],
      },
      {
        name: "Two-component epoxy, {v}",
        desc: "Clear epoxy adhesive for structural bonding of metal, wood, ceramics and glass.",
        shelfLifeDays: 730,
        v: [
          ["5-minute, 25 ml syringe", 6.9],
          ["slow-cure, 50 ml cartridge", 14.9],
        ],
      },
      {
        name: "Construction adhesive, {v}, 290 ml cartridge",
        desc: "High-grab mounting adhesive that bonds without mechanical fixing on most building materials.",
        v: [
          ["MS polymer, white", 8.9],
          ["MS polymer, crystal clear", 10.9],
          ["solvent-free, interior", 5.9],
        ],
      },
      {
        name: "Contact adhesive, solvent-based, {v}",
        desc: "Polychloroprene contact adhesive for laminates, rubber and leather.",
        shelfLifeDays: 730,
        hazardClass: "3",
        handlingNotes: FLAMMABLE,
        v: [
          ["250 ml tin", 8.9],
          ["1 l tin", 24.9],
        ],
      },
      {
        name: "Threadlocker, {v}, 50 ml",
        desc: "Anaerobic threadlocking compound that prevents loosening of bolts under vibration.",
        shelfLifeDays: 730,
        v: [
          ["medium strength, blue", 14.9],
          ["high strength, red", 15.9],
        ],
      },
      {
        name: "Silicone sealant, {v}, 310 ml cartridge",
        desc: "Mould-resistant silicone sealant for joints in kitchens, bathrooms and glazing.",
        v: [
          ["sanitary, white", 5.9],
          ["sanitary, transparent", 5.9],
          ["neutral cure, grey", 6.9],
        ],
      },
    ],
  },
  {
    cat: "Chemicals > Lubricants",
    sku: "CH-LUB",
    tracking: "lot",
    sup: ["CCE", "ITG"],
    lead: [5, 21],
    families: [
      {
        name: "Multi-purpose lubricant spray, {v}",
        desc: "Water-displacing penetrating lubricant that frees seized parts and protects against corrosion.",
        hazardClass: "2.1",
        handlingNotes: AEROSOL,
        v: [
          ["200 ml", 4.9],
          ["400 ml", 7.9],
        ],
      },
      {
        name: "{v}, 400 ml aerosol",
        desc: "Technical aerosol lubricant for maintenance of machinery, chains and mechanisms.",
        hazardClass: "2.1",
        handlingNotes: AEROSOL,
        v: [
          ["Food-grade silicone spray, NSF H1", 9.9],
          ["PTFE dry lubricant spray", 11.9],
          ["Chain lubricant spray, high adhesion", 10.9],
          ["Penetrating oil spray", 6.9],
        ],
      },
      {
        name: "Lithium grease EP2, {v}",
        desc: "Extreme-pressure multipurpose grease for bearings and chassis points.",
        v: [
          ["400 g cartridge", 5.9],
          ["1 kg tub", 11.9],
        ],
      },
      // Workshops buy these by weight or volume from our drums, hence unit g / ml and four-decimal costs.
      {
        name: "{v}, bulk, decanted to order",
        desc: "Bulk grease decanted from a 50 kg drum into the customer's own container.",
        unit: "g",
        minOrderQty: 500,
        openingQty: [5000, 40000],
        v: [
          ["Copper anti-seize paste", 0.031],
          ["Lithium grease EP2", 0.0095],
        ],
      },
      {
        name: "Hydraulic oil HLP {v}, bulk, decanted to order",
        desc: "Zinc-containing mineral hydraulic oil to DIN 51524-2, dispensed from a 208 l drum.",
        unit: "ml",
        minOrderQty: 1000,
        openingQty: [50000, 200000],
        handlingNotes: "Keep drum sealed and under cover",
        v: [
          ["32", 0.0039],
          ["46", 0.0041],
        ],
      },
    ],
  },
  {
    cat: "Chemicals > Cleaning",
    sku: "CH-CLN",
    tracking: "lot",
    sup: ["CCE", "ITG"],
    lead: [5, 21],
    families: [
      {
        name: "Isopropyl alcohol 99.9 %, {v}",
        desc: "Residue-free solvent for cleaning electronics, optics and surfaces before bonding.",
        hazardClass: "3",
        handlingNotes: FLAMMABLE,
        v: [
          ["1 l bottle", 9.9],
          ["5 l can", 34.9],
        ],
      },
      {
        name: "{v}",
        desc: "Fast-evaporating aerosol cleaner for workshop and maintenance use.",
        hazardClass: "2.1",
        handlingNotes: AEROSOL,
        v: [
          ["Brake and parts cleaner, 500 ml aerosol", 4.9],
          ["Foam glass cleaner, 500 ml aerosol", 3.9],
          ["Electrical contact cleaner, 400 ml aerosol", 8.9],
        ],
      },
      {
        name: "{v}",
        desc: "Professional-strength cleaning chemical for heavy soiling, for trained users only.",
        hazardClass: "8",
        handlingNotes: CORROSIVE,
        v: [
          ["Alkaline heavy-duty degreaser, 5 l", 24.9],
          ["Oven and grill cleaner, 1 l trigger spray", 7.9],
          ["Drain cleaner gel, 1 l", 5.9],
          ["Acidic descaler, 5 l", 19.9],
        ],
      },
      {
        name: "All-purpose cleaner, pH neutral, {v}",
        desc: "Low-foaming concentrate for floors and washable surfaces, dilute 1:100.",
        v: [
          ["1 l bottle", 3.9],
          ["5 l can", 12.9],
        ],
      },
    ],
  },
  {
    cat: "Chemicals > Paints",
    sku: "CH-PNT",
    tracking: "lot",
    shelfLifeDays: 730,
    sup: ["CCE", "WDG"],
    lead: [5, 21],
    families: [
      {
        name: "Marking spray paint, {v}, 500 ml",
        desc: "Inverted-nozzle marking paint for temporary layout on asphalt, concrete and soil.",
        hazardClass: "2.1",
        handlingNotes: AEROSOL,
        v: size("fluorescent red", "fluorescent yellow", "fluorescent green", "white")(6.9),
      },
      {
        name: "Anti-rust primer, {v}, 750 ml",
        desc: "Alkyd-based anticorrosive primer for bare and lightly rusted steel.",
        hazardClass: "3",
        handlingNotes: FLAMMABLE,
        tempMinC: 5,
        tempMaxC: 30,
        v: size("grey", "red oxide")(14.9),
      },
    ],
  },
  {
    cat: "Packaging > Boxes",
    sku: "PK-BOX",
    unit: "pack",
    handlingNotes: DRY,
    sup: ["PKN", "ITG"],
    lead: [2, 7],
    families: [
      {
        name: "Single-wall cardboard box {v} mm, pack of 25",
        desc: "Brown B-flute shipping carton, supplied flat, for parcels up to 15 kg.",
        v: [
          ["200 × 150 × 100", 9.9],
          ["305 × 215 × 150", 13.9],
          ["400 × 300 × 200", 18.9],
          ["500 × 400 × 300", 27.9],
          ["600 × 400 × 400", 34.9],
        ],
      },
      {
        name: "Double-wall cardboard box {v} mm, pack of 10",
        desc: "BC-flute heavy-duty carton for export shipments and palletised goods up to 30 kg.",
        v: [
          ["400 × 300 × 300", 16.9],
          ["600 × 400 × 400", 24.9],
          ["800 × 600 × 500", 39.9],
        ],
      },
      {
        name: "Mailing box with crash-lock bottom, {v} mm, pack of 50",
        desc: "White E-flute mailer that folds up in seconds without tape.",
        v: [
          ["220 × 160 × 60", 19.9],
          ["310 × 220 × 100", 27.9],
        ],
      },
    ],
  },
  {
    cat: "Packaging > Tape",
    sku: "PK-TPE",
    unit: "roll",
    sup: ["PKN", "ITG"],
    lead: [2, 7],
    minOrderQty: 6,
    families: [
      {
        name: "Packing tape, {v}",
        desc: "Carton sealing tape with acrylic or natural-rubber adhesive for hand dispensers.",
        v: [
          ["polypropylene, 48 mm × 66 m, clear", 1.45],
          ["polypropylene, 48 mm × 66 m, brown", 1.45],
          ["PVC, low-noise, 50 mm × 66 m", 2.4],
          ["paper, 50 mm × 50 m", 3.9],
        ],
      },
      {
        name: "Duct tape, silver, {v}",
        desc: "Cloth-reinforced tape for temporary repairs, bundling and sealing.",
        v: [
          ["48 mm × 25 m", 5.9],
          ["48 mm × 50 m", 9.9],
        ],
      },
      {
        name: "Floor marking tape, PVC, 50 mm × 33 m, {v}",
        desc: "Abrasion-resistant tape for marking aisles, hazards and storage zones on warehouse floors.",
        v: size("yellow", "yellow/black", "red/white", "green")(7.9),
      },
      {
        name: "Masking tape {v}",
        desc: "Crepe paper masking tape for painting and light holding, removes cleanly within 7 days.",
        v: [
          ["25 mm × 50 m", 1.9],
          ["38 mm × 50 m", 2.7],
          ["50 mm × 50 m", 3.4],
        ],
      },
    ],
  },
  {
    cat: "Packaging > Stretch film",
    sku: "PK-STR",
    unit: "roll",
    sup: ["PKN"],
    lead: [5, 21],
    families: [
      {
        name: "Hand stretch film {v}",
        desc: "Cast LLDPE stretch film for securing loads on pallets by hand.",
        v: [
          ["17 µm, 450 mm × 300 m, clear", 11.9],
          ["23 µm, 500 mm × 270 m, clear", 14.9],
          ["23 µm, 500 mm × 270 m, black", 16.9],
        ],
      },
      {
        name: "Machine stretch film {v}",
        desc: "High-performance film for semi-automatic turntable pallet wrappers.",
        handlingNotes: "Heavy roll: store on its side, do not drop",
        v: [
          ["17 µm, 500 mm × 1500 m", 39.9],
          ["23 µm, 500 mm × 1500 m, pre-stretch", 54.9],
        ],
      },
    ],
  },
  {
    cat: "Food service > Chilled > Dairy",
    sku: "FD-CHL",
    tracking: "lot",
    tempMinC: 2,
    tempMaxC: 8,
    handlingNotes: "Keep refrigerated",
    sup: ["FFD"],
    lead: [2, 3],
    families: [
      {
        name: "Milk, {v}",
        desc: "Pasteurised Swedish milk for kitchens and coffee bars.",
        shelfLifeDays: 10,
        minOrderQty: 12,
        v: [
          ["whole 3.5 %, 1 l", 1.05],
          ["semi-skimmed 1.5 %, 1 l", 0.95],
          ["barista 3.5 %, 1 l", 1.35],
          ["whole 3.5 %, 10 l bag-in-box", 9.9],
        ],
      },
      {
        name: "Butter, unsalted, {v}",
        desc: "Churned sweet-cream butter, 82 % fat, for cooking and baking.",
        shelfLifeDays: 60,
        v: [
          ["250 g", 2.6],
          ["2.5 kg block", 22.9],
        ],
      },
      {
        name: "Cream, {v}",
        desc: "Fresh dairy cream for desserts, sauces and soups.",
        shelfLifeDays: 21,
        v: [
          ["whipping 36 %, 1 l", 4.2],
          ["cooking 15 %, 1 l", 2.9],
        ],
      },
      {
        name: "{v}",
        desc: "Catering cheese from EU dairies, vacuum-packed.",
        shelfLifeDays: 45,
        v: [
          ["Gouda 48 %, sliced, 1 kg", 9.9],
          ["Mozzarella block, 2.5 kg", 17.5],
          ["Mature Cheddar, grated, 2 kg", 18.9],
        ],
      },
      {
        name: "Greek yoghurt 10 %, {v}",
        desc: "Strained full-fat yoghurt for breakfast buffets and dressings.",
        shelfLifeDays: 28,
        v: [
          ["1 kg tub", 3.9],
          ["5 kg tub", 17.5],
        ],
      },
    ],
  },
  {
    cat: "Food service > Frozen > Vegetables",
    sku: "FD-FRZ",
    tracking: "lot",
    shelfLifeDays: 540,
    tempMinC: -25,
    tempMaxC: -18,
    sup: ["FFD"],
    lead: [3, 7],
    handlingNotes: "Keep frozen; do not refreeze once thawed",
    minOrderQty: 4,
    families: [
      {
        name: "Frozen {v}, 2.5 kg bag",
        desc: "IQF vegetables, blanched and free-flowing, for portioning straight from the freezer.",
        v: [
          ["garden peas", 5.9],
          ["sweetcorn kernels", 5.5],
          ["broccoli florets", 7.5],
          ["mixed vegetables", 5.9],
          ["whole green beans", 6.9],
          ["leaf spinach, portioned", 6.5],
          ["diced onion", 4.9],
        ],
      },
    ],
  },
  {
    cat: "Food service > Dry goods > Coffee",
    sku: "FD-COF",
    tracking: "lot",
    shelfLifeDays: 365,
    handlingNotes: DRY,
    sup: ["KBR"],
    lead: [5, 14],
    families: [
      {
        name: "Coffee beans, {v}, 1 kg",
        desc: "Whole roasted beans in a valve bag for bean-to-cup and espresso machines.",
        minOrderQty: 6,
        v: [
          ["espresso blend", 18.9],
          ["medium roast, Fairtrade", 16.9],
          ["decaffeinated", 21.9],
          ["single origin Colombia", 22.5],
        ],
      },
      {
        name: "Ground filter coffee, {v}",
        desc: "Medium-grind coffee for batch brewers and filter machines.",
        v: [
          ["medium roast, 500 g", 7.9],
          ["dark roast, 500 g", 7.9],
          ["medium roast, 1 kg", 14.9],
        ],
      },
      {
        name: "Instant coffee, freeze-dried, {v}",
        desc: "Soluble coffee for vending machines and self-service stations.",
        v: [
          ["500 g tin", 15.9],
          ["750 g refill bag", 19.9],
        ],
      },
    ],
  },
  {
    cat: "Food service > Dry goods > Sugar",
    sku: "FD-SUG",
    tracking: "lot",
    shelfLifeDays: 730,
    handlingNotes: DRY,
    sup: ["KBR", "FFD"],
    lead: [5, 14],
    families: [
      {
        name: "Sugar, {v}",
        desc: "Beet or cane sugar for kitchens, bakeries and beverage stations.",
        v: [
          ["granulated white, 1 kg", 1.29],
          ["granulated white, 25 kg sack", 24.9],
          ["brown cane, 1 kg", 2.4],
          ["icing, 1 kg", 1.9],
        ],
      },
      {
        name: "Sugar sticks, {v}, box of 1000",
        desc: "Individually wrapped portion sticks for coffee service.",
        unit: "box",
        v: [
          ["white, 4 g", 14.9],
          ["brown cane, 4 g", 16.9],
        ],
      },
    ],
  },
  {
    cat: "Medical consumables > Bandages",
    sku: "MD-BND",
    tracking: "lot",
    shelfLifeDays: 1825,
    handlingNotes: DRY,
    sup: ["MDS", "SGS"],
    lead: [4, 14],
    families: [
      {
        name: "Elastic bandage {v}",
        desc: "Woven cotton-elastane support bandage with clips, medical device class I.",
        v: [
          ["6 cm × 4 m", 0.95],
          ["8 cm × 4 m", 1.15],
          ["10 cm × 4 m", 1.35],
        ],
      },
      {
        name: "Adhesive plasters, {v}, box of 100",
        desc: "Breathable first-aid plasters with non-stick wound pad.",
        unit: "box",
        v: [
          ["assorted sizes", 4.9],
          ["washproof, 72 × 19 mm", 3.9],
          ["blue detectable, food-safe", 6.9],
        ],
      },
      {
        name: "Sterile gauze swabs {v}, pack of 100",
        desc: "Individually packed 8-ply cotton gauze swabs, EO-sterilised.",
        unit: "pack",
        v: [
          ["5 × 5 cm", 7.9],
          ["10 × 10 cm", 12.9],
        ],
      },
      {
        name: "Sterile wound dressing, {v}",
        desc: "First-aid field dressing with absorbent pad and attached bandage, sterile until opened.",
        v: [
          ["medium 12 × 12 cm", 1.9],
          ["large 18 × 18 cm", 2.6],
        ],
      },
    ],
  },
  {
    cat: "Medical consumables > Disinfectant",
    sku: "MD-DIS",
    tracking: "lot",
    shelfLifeDays: 1095,
    sup: ["MDS", "CCE"],
    lead: [4, 14],
    families: [
      {
        name: "Alcohol hand rub, 80 % ethanol, {v}",
        desc: "WHO-formulation hand disinfectant, EN 1500, with glycerol for skin care.",
        hazardClass: "3",
        handlingNotes: FLAMMABLE,
        v: [
          ["100 ml", 2.2],
          ["500 ml pump bottle", 6.9],
          ["1 l dispenser refill", 10.9],
          ["5 l can", 39],
        ],
      },
      {
        name: "Surface disinfectant wipes, alcohol-free, {v}",
        desc: "Quat-based wipes for food-contact and medical surfaces, bactericidal and yeasticidal.",
        unit: "pack",
        v: [
          ["tub of 100", 7.9],
          ["refill pouch of 200", 12.9],
        ],
      },
      {
        name: "Surface disinfectant concentrate, {v}",
        desc: "Aldehyde-free concentrate for floors and surfaces, effective at 0.5 % dilution.",
        v: [
          ["1 l", 14.9],
          ["5 l", 59],
        ],
      },
      {
        name: "Skin antiseptic spray, octenidine, {v}",
        desc: "Colourless, alcohol-free wound and skin antiseptic for first-aid kits.",
        v: [
          ["50 ml", 3.9],
          ["250 ml", 9.9],
        ],
      },
    ],
  },
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Cheap items are stocked deep, expensive ones shallow.
const stockFor = (cost: number): [number, number] => (cost < 5 ? [40, 200] : cost < 20 ? [20, 100] : cost < 100 ? [6, 30] : [2, 10]);
const withoutUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;

export function demoItems(): DemoItem[] {
  const rand = mulberry32(20240611);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const patterns = new Map(supplierTable.map(([code, , , , pattern]) => [code, pattern]));
  const fill = (pattern: string) => pattern.replace(/[#A]/g, (c) => (c === "#" ? String(int(0, 9)) : String.fromCharCode(65 + int(0, 25))));
  const seen = new Set<string>();
  const unique = (kind: string, value: string) => {
    const key = `${kind}:${value.toLowerCase()}`; // SKUs are unique regardless of case (Item.skuKey)
    if (seen.has(key)) throw new Error(`demo catalog: duplicate ${kind} "${value}"`);
    seen.add(key);
  };

  const items: DemoItem[] = [];
  for (const { cat, sku: prefix, families, ...groupTraits } of catalog) {
    let n = 0;
    for (const { name, desc, v, ...familyTraits } of families) {
      const t: Traits = { ...groupTraits, ...familyTraits };
      for (const [variant, cost] of v) {
        const sku = `${prefix}-${String(++n).padStart(4, "0")}`;
        const itemName = name.replace("{v}", variant);
        unique("sku", sku);
        unique("name", itemName);
        const tracking = t.tracking ?? "none";
        const [lo, hi] = t.openingQty ?? (tracking === "serial" ? [2, int(5, 8)] : stockFor(cost));
        const sup = t.sup ?? [];
        const supplierCodes = sup.length > 1 && rand() < 0.6 ? sup.slice(0, 2) : sup.slice(0, 1);
        const pattern = patterns.get(supplierCodes[0] ?? "");
        if (pattern === undefined) throw new Error(`demo catalog: ${sku} has no known supplier`);
        const [leadLo, leadHi] = t.lead ?? [3, 10];
        const reorder = lo * 0.5 + (hi - lo) * 0.15;
        items.push(
          withoutUndefined<DemoItem>({
            sku,
            name: itemName,
            description: desc.replace("{v}", variant),
            category: cat.split(" > "),
            unit: t.unit ?? "ea",
            tracking,
            shelfLifeDays: t.shelfLifeDays,
            tempMinC: t.tempMinC,
            tempMaxC: t.tempMaxC,
            hazardClass: t.hazardClass,
            handlingNotes: t.handlingNotes,
            unitCost: cost < 1 ? cost.toFixed(4) : cost.toFixed(2),
            supplierCodes,
            supplierSku: fill(pattern),
            leadTimeDays: Math.min(45, Math.max(2, int(leadLo, leadHi))),
            minOrderQty: t.minOrderQty ?? (tracking === "serial" || cost >= 20 ? 1 : cost < 1 ? 100 : cost < 5 ? 10 : 5),
            reorderPoint: reorder < 20 ? Math.max(1, Math.round(reorder)) : Math.round(reorder / 5) * 5,
            openingQty: [lo, hi],
          }),
        );
      }
    }
  }
  return items;
}
