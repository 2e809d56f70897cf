-- A reservation made in one statement (lib/reservations/reserve-in-one-statement.ts): the idempotency key claimed
-- first, the item, site and lot resolved, a refusal answered from a lockless read when that already shows too
-- little, the item's sellable levels at the site locked in the ledger's order (location, lot), the hold planned
-- first-expiring-first and written with a conditional update, then the reservation, its allocations, the audit
-- entry, the outbox event and the settled key, and the answer built from what was written. The same rules as
-- lib/availability/hold-stock.ts and lib/reservations/create-reservation.ts, in one round trip: under load the
-- interactive transaction's 19 round trips were most of a reservation's cost (docs/BENCHMARKS.md).
--
-- Refusals use SQLSTATEs of our own, mapped back to domain errors in TypeScript: SR409 too little available
-- (DETAIL: the available quantity), SR421 bad input (DETAIL: the issues by field), SR403 a site outside the
-- caller's, SR422 key reused for another request, SR423 key still pending, SR498 the hold spans more levels
-- than ids were sent for (the caller then takes the general path).
CREATE OR REPLACE FUNCTION stockroom_reserve(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  idem jsonb := p->'idempotency';
  previous record;
  v_item record;
  v_site record;
  v_lot record;
  v_level record;
  v_one record;
  issues jsonb := '[]'::jsonb;
  wanted int := (p->>'quantity')::int;
  allow_partial boolean := coalesce((p->>'allowPartial')::boolean, false);
  lot_id uuid;
  lot_number text;
  candidates uuid[];
  available int;
  held int := 0;
  take int;
  ids uuid[] := ARRAY(SELECT jsonb_array_elements_text(p->'allocationIds')::uuid);
  taken_ids uuid[] := '{}';
  taken_locations uuid[] := '{}';
  taken_lots uuid[] := '{}';
  taken_quantities int[] := '{}';
  allocations jsonb := '[]'::jsonb;
  reservation_id uuid := (p->>'id')::uuid;
  v_at timestamp(3) := (now() AT TIME ZONE 'UTC')::timestamp(3);
  expires_at timestamp(3);
  summary jsonb;
  answer jsonb;
BEGIN
  -- The key before any rule: a retry is answered, not judged again against stock the first request took.
  IF idem IS NOT NULL AND idem <> 'null'::jsonb THEN
    INSERT INTO "IdempotencyRecord" ("actorKey", "key", "method", "path", "requestHash", "status", "createdAt")
    VALUES (idem->>'actorKey', idem->>'key', idem->>'method', idem->>'path', idem->>'hash', 0, now())
    ON CONFLICT ("actorKey", "key") DO UPDATE
      SET "method" = EXCLUDED."method", "path" = EXCLUDED."path", "requestHash" = EXCLUDED."requestHash", "status" = 0,
          "responseBody" = NULL, "createdAt" = now()
      WHERE "IdempotencyRecord"."createdAt" < now() - make_interval(days => coalesce((idem->>'ttlDays')::int, 7));
    IF NOT FOUND THEN
      SELECT "requestHash", "status", "responseBody" INTO previous FROM "IdempotencyRecord"
        WHERE "actorKey" = idem->>'actorKey' AND "key" = idem->>'key';
      IF previous."requestHash" <> idem->>'hash' THEN
        RAISE EXCEPTION 'idempotency key reused' USING ERRCODE = 'SR422';
      END IF;
      IF previous."status" = 0 THEN
        RAISE EXCEPTION 'idempotency key in use' USING ERRCODE = 'SR423';
      END IF;
      RETURN jsonb_build_object('replayed', true, 'answer', previous."responseBody");
    END IF;
  END IF;

  SELECT i.id, i.sku, i.active, i.tracking::text AS tracking INTO v_item FROM "Item" i WHERE i."skuKey" = p->>'skuKey';
  SELECT s.id, s.code, s.active INTO v_site FROM "Site" s WHERE s.code = p->>'site';
  IF v_item.id IS NULL THEN
    issues := issues || jsonb_build_object('field', 'sku', 'message', format('No item has the SKU %s', p->>'sku'));
  ELSIF NOT v_item.active THEN
    issues := issues || jsonb_build_object('field', 'sku', 'message', format('%s is archived', v_item.sku));
  END IF;
  IF v_site.id IS NULL OR NOT v_site.active THEN
    issues := issues || jsonb_build_object('field', 'site', 'message', format('No active site has the code %s', p->>'site'));
  END IF;
  IF jsonb_array_length(issues) > 0 THEN
    RAISE EXCEPTION 'invalid reservation' USING ERRCODE = 'SR421', DETAIL = issues::text;
  END IF;
  IF p->>'lot' IS NOT NULL THEN
    IF v_item.tracking = 'none' THEN
      RAISE EXCEPTION 'invalid reservation' USING ERRCODE = 'SR421',
        DETAIL = jsonb_build_array(jsonb_build_object('field', 'lot', 'message', format('%s is not lot-tracked', v_item.sku)))::text;
    END IF;
    SELECT l.id, l.number INTO v_lot FROM "Lot" l WHERE l."itemId" = v_item.id AND l.number = p->>'lot';
    IF v_lot.id IS NULL THEN
      RAISE EXCEPTION 'invalid reservation' USING ERRCODE = 'SR421',
        DETAIL = jsonb_build_array(jsonb_build_object('field', 'lot', 'message', format('%s has no lot %s', v_item.sku, p->>'lot')))::text;
    END IF;
    lot_id := v_lot.id;
    lot_number := v_lot.number;
  END IF;
  -- The caller's sites, when it acts at some only (null: every site).
  IF jsonb_typeof(p->'sites') = 'array' AND NOT (p->'sites') ? v_site.id::text THEN
    RAISE EXCEPTION 'site outside the caller''s' USING ERRCODE = 'SR403', DETAIL = v_site.id::text;
  END IF;

  -- The item's levels at the site that may promise stock, read without locks and from the item's own levels,
  -- each level's location (and lot) looked up by its key: joined, plans on fresh statistics read every bin of the
  -- site instead (200 on the demo site, for each reservation). A refusal from this read when it already shows too
  -- little: refusals of a sold-out SKU do not queue behind the holds that took its stock.
  SELECT coalesce(array_agg(s.id), '{}'), coalesce(sum(s."onHand" - s.reserved) FILTER (WHERE s."onHand" > s.reserved), 0)::int
  INTO candidates, available
  FROM "StockLevel" s
  WHERE s."itemId" = v_item.id AND (lot_id IS NULL OR s."lotId" = lot_id)
    AND (SELECT loc."siteId" = v_site.id
           AND stockroom_sellable(loc.purpose, loc.type, loc."isVirtual", (SELECT lt."expiresOn" FROM "Lot" lt WHERE lt.id = s."lotId"))
         FROM "Location" loc WHERE loc.id = s."locationId");
  IF available < (CASE WHEN allow_partial THEN 1 ELSE wanted END) THEN
    RAISE EXCEPTION 'not enough available' USING ERRCODE = 'SR409',
      DETAIL = jsonb_build_object('sku', v_item.sku, 'site', v_site.code, 'lot', lot_number, 'requested', wanted, 'available', available)::text;
  END IF;

  IF cardinality(candidates) = 1 AND NOT allow_partial THEN
    -- One level to take all from (most items at a site): the conditional update is the lock and the plan. A hold
    -- waiting behind another reads the level as that one left it, and takes nothing if too little is left. On a
    -- hot SKU this halves the work under its row lock: no SELECT … FOR UPDATE before the update, and no lock that a
    -- group's subtransactions share with their transaction (measured: docs/BENCHMARKS.md, Reservations).
    UPDATE "StockLevel" s SET reserved = s.reserved + wanted, "updatedAt" = now()
      WHERE s.id = candidates[1] AND s."onHand" - s.reserved >= wanted
      RETURNING s."locationId", s."lotId" INTO v_one;
    IF NOT FOUND THEN
      SELECT greatest(s."onHand" - s.reserved, 0)::int INTO available FROM "StockLevel" s WHERE s.id = candidates[1];
    ELSE
      held := wanted;
      taken_ids := ARRAY[ids[1]];
      taken_locations := ARRAY[v_one."locationId"];
      taken_lots := ARRAY[v_one."lotId"];
      taken_quantities := ARRAY[wanted];
      allocations := jsonb_build_array(jsonb_build_object(
        'location', (SELECT loc.code FROM "Location" loc WHERE loc.id = v_one."locationId"),
        'lot', (SELECT lt.number FROM "Lot" lt WHERE lt.id = v_one."lotId"),
        'quantity', wanted));
    END IF;
  ELSE
    -- Those with stock left locked in the ledger's order (location, lot), then planned first-expiring-first on the
    -- locked rows (a lock waited for reads the row as it is now).
    available := 0;
    FOR v_level IN
      WITH locked AS MATERIALIZED (
        SELECT s.id, s."locationId", s."lotId", (s."onHand" - s.reserved)::int AS free FROM "StockLevel" s
        WHERE s.id = ANY (candidates) AND s."onHand" > s.reserved
        ORDER BY s."locationId", s."lotId" NULLS FIRST
        FOR UPDATE
      )
      SELECT locked.*, loc.code AS location_code, lt.number AS lot_code
      FROM locked JOIN "Location" loc ON loc.id = locked."locationId" LEFT JOIN "Lot" lt ON lt.id = locked."lotId"
      ORDER BY lt."expiresOn" NULLS LAST, coalesce(lt.number, ''), loc.code
    LOOP
      available := available + v_level.free;
      IF held < wanted THEN
        take := least(v_level.free, wanted - held);
        IF cardinality(taken_ids) >= cardinality(ids) THEN
          RAISE EXCEPTION 'the hold spans more levels than ids were sent' USING ERRCODE = 'SR498';
        END IF;
        UPDATE "StockLevel" s SET reserved = s.reserved + take, "updatedAt" = now()
          WHERE s.id = v_level.id AND s."onHand" - s.reserved >= take;
        IF NOT FOUND THEN -- the level is locked: short of a bug this cannot happen
          RAISE EXCEPTION 'stock changed while it was being held' USING ERRCODE = '40001';
        END IF;
        held := held + take;
        taken_ids := taken_ids || ids[cardinality(taken_ids) + 1];
        taken_locations := taken_locations || v_level."locationId";
        taken_lots := taken_lots || v_level."lotId";
        taken_quantities := taken_quantities || take;
        allocations := allocations || jsonb_build_object('location', v_level.location_code, 'lot', v_level.lot_code, 'quantity', take);
      END IF;
    END LOOP;
  END IF;
  IF held = 0 OR (held < wanted AND NOT allow_partial) THEN
    RAISE EXCEPTION 'not enough available' USING ERRCODE = 'SR409',
      DETAIL = jsonb_build_object('sku', v_item.sku, 'site', v_site.code, 'lot', lot_number, 'requested', wanted, 'available', available)::text;
  END IF;

  IF p->'ttlSeconds' IS NOT NULL AND p->'ttlSeconds' <> 'null'::jsonb THEN
    expires_at := v_at + make_interval(secs => (p->>'ttlSeconds')::int);
  END IF;
  INSERT INTO "Reservation" (id, "siteId", "itemId", "lotId", "requestedQuantity", quantity, held, reference, channel, "expiresAt",
    "createdByLabel", "createdAt", "updatedAt")
  VALUES (reservation_id, v_site.id, v_item.id, lot_id, wanted, held, held, p->>'reference', p->>'channel', expires_at,
    p->'actor'->>'label', v_at, v_at);
  INSERT INTO "ReservationAllocation" (id, "reservationId", "locationId", "lotId", quantity)
  SELECT t.id, reservation_id, t.location, t.lot, t.quantity
  FROM unnest(taken_ids, taken_locations, taken_lots, taken_quantities) AS t(id, location, lot, quantity);

  summary := jsonb_build_object('id', reservation_id, 'sku', v_item.sku, 'site', v_site.code, 'quantity', held,
    'requestedQuantity', wanted, 'reference', p->>'reference', 'channel', p->'channel',
    'expiresAt', to_char(expires_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'allocations', allocations);
  INSERT INTO "AuditEntry" (at, "actorType", "actorId", "actorLabel", action, "entityType", "entityId", "siteId", after)
  VALUES (v_at, p->'actor'->>'type', p->'actor'->>'id', p->'actor'->>'label', 'reservation.create', 'reservation', reservation_id::text,
    v_site.id, summary);
  INSERT INTO "OutboxEvent" (type, "siteId", "aggregateId", payload, "createdAt")
  VALUES ('reservation.created', v_site.id, reservation_id::text, summary, v_at);

  -- The answer as lib/reservations/reservation-view.ts shows a reservation.
  answer := jsonb_build_object('id', reservation_id, 'status', 'active', 'sku', v_item.sku, 'site', v_site.code, 'lot', lot_number,
    'requestedQuantity', wanted, 'quantity', held, 'held', held, 'fulfilled', 0, 'reference', p->>'reference',
    'channel', p->'channel', 'orderNumber', NULL, 'expiresAt', to_char(expires_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'createdAt', to_char(v_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'closedAt', NULL, 'createdBy', p->'actor'->>'label',
    'allocations', allocations);
  IF idem IS NOT NULL AND idem <> 'null'::jsonb THEN
    UPDATE "IdempotencyRecord" SET status = 201, "responseBody" = answer
      WHERE "actorKey" = idem->>'actorKey' AND "key" = idem->>'key';
  END IF;
  RETURN jsonb_build_object('replayed', false, 'answer', answer);
END;
$$;

-- Reservations of concurrent requests in one transaction (lib/reservations/reserve-in-one-statement.ts groups
-- them), each in a subtransaction of its own, so a refused or failed one rolls back alone and its error comes back
-- in its place. Callers keep groups under 64 (PostgreSQL's per-backend cache of subtransactions).
CREATE OR REPLACE FUNCTION stockroom_reserve_many(requests jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  request jsonb;
  results jsonb[] := '{}';
  failed_state text;
  failed_message text;
  failed_detail text;
BEGIN
  FOR request IN SELECT value FROM jsonb_array_elements(requests) LOOP
    BEGIN
      results := array_append(results, jsonb_build_object('result', stockroom_reserve(request)));
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT, failed_detail = PG_EXCEPTION_DETAIL;
      results := array_append(results, jsonb_build_object('error',
        jsonb_build_object('code', failed_state, 'message', failed_message, 'detail', nullif(failed_detail, ''))));
    END;
  END LOOP;
  RETURN to_jsonb(results);
END;
$$;
