-- Postings of concurrent requests, posted in one transaction (lib/ledger/posting-function.ts groups them):
-- one round trip and one commit for the group instead of one per posting. Each posting runs in a
-- subtransaction of its own, so one refused or failed rolls back alone and the others stand, exactly as if
-- each had been sent by itself; its error comes back in its place, with PostgreSQL's SQLSTATE and DETAIL.
-- A deadlock between groups likewise aborts only the posting that was waiting, which its caller retries.
-- Callers keep groups under 64 postings: past 64 subtransactions a transaction overflows PostgreSQL's
-- per-backend cache of them and every other session's snapshots get slower.
CREATE FUNCTION stockroom_post_postings(postings jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  posting jsonb;
  results jsonb[] := '{}';
  failed_state text;
  failed_message text;
  failed_detail text;
BEGIN
  FOR posting IN SELECT value FROM jsonb_array_elements(postings) LOOP
    BEGIN
      results := array_append(results, jsonb_build_object('result', stockroom_post_posting(posting)));
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS failed_state = RETURNED_SQLSTATE, failed_message = MESSAGE_TEXT, failed_detail = PG_EXCEPTION_DETAIL;
      results := array_append(results, jsonb_build_object('error',
        jsonb_build_object('code', failed_state, 'message', failed_message, 'detail', nullif(failed_detail, ''))));
    END;
  END LOOP;
  RETURN to_jsonb(results);
END;
$$;
