-- A first cost state made while a costing method changes waits for the change and takes its new method: the change
-- revalues only the states that exist when it runs (lib/valuation/method-change-race.int.test.ts). The function
-- whole, as lib/valuation/valuation-function.sql has it.
CREATE OR REPLACE FUNCTION stockroom_cost_state(p_item uuid, p_site uuid, p_lock boolean) RETURNS "CostState" LANGUAGE plpgsql AS $$
DECLARE
  state "CostState";
BEGIN
  IF p_lock THEN
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  ELSE
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site;
  END IF;
  IF NOT FOUND THEN
    -- A change of method (the item's, its category's or the installation's) revalues the states that exist and holds
    -- the row it changed until it commits: a state made meanwhile waits for that row, then reads the new method.
    PERFORM 1 FROM "Item" i WHERE i.id = p_item FOR SHARE;
    PERFORM 1 FROM "Category" c WHERE c.id = (SELECT i."categoryId" FROM "Item" i WHERE i.id = p_item) FOR SHARE;
    PERFORM 1 FROM "InstallationSettings" s WHERE s.id = 1 FOR SHARE;
    INSERT INTO "CostState" ("itemId", "siteId", method, "standardCost", quantity, value, "updatedAt")
      SELECT p_item, p_site, c.method, c.standard_cost, 0, 0, now() FROM stockroom_costing_of(p_item) c
      ON CONFLICT ("itemId", "siteId") DO NOTHING;
    SELECT * INTO state FROM "CostState" WHERE "itemId" = p_item AND "siteId" = p_site FOR UPDATE;
  END IF;
  RETURN state;
END;
$$;
