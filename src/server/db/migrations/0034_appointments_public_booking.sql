-- The database's part of a public hold and of its confirm, each one statement in one round trip, with
-- the plans of its statements kept per connection (docs/appointments.md, "Under a surge"). The
-- services decide everything else — which seats the public may take, how long a hold lasts, the
-- contact's columns, the messages, jobs and audit event — and pass it in; these functions take the
-- seat, the locks and the count of the contact's bookings, in that order, and write the rows.

-- Takes the first free seat of 1…p_last of the slot (no row, or a row whose hold ran out or whose
-- release moment passed) and writes the held appointment with it; the INSERT … ON CONFLICT DO UPDATE
-- … WHERE still-free re-checks a row another request holds under its lock, so two requests cannot
-- both get one seat. Also tells how full the slot was before this hold (free seats of the range, and
-- seconds until the first taken one can be free again), so the process can remember a full slot.
-- candidate is null when no seat was free; appointment is null when the candidate was lost to a
-- concurrent request (another seat may still be free: the caller asks again).
CREATE FUNCTION appointments_hold_public_seat(
  p_service_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_last int, p_hold_minutes int,
  p_id uuid, p_reference text, p_centre_id uuid, p_hold_key text, p_client_address_hash text)
RETURNS TABLE (appointment jsonb, candidate int, free_seats int, free_again_in float8)
LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
  WITH seats AS (
    SELECT c.seat_no, c.ord,
      (s.seat_no IS NULL OR (s.held_until IS NOT NULL AND s.held_until <= now()) OR (s.released_at IS NOT NULL AND s.released_at <= now())) AS free,
      coalesce(s.held_until, s.released_at) AS free_at
    FROM generate_series(1, p_last) WITH ORDINALITY AS c(seat_no, ord)
    LEFT JOIN appointment_seats s ON s.service_id = p_service_id AND s.starts_at = p_starts_at AND s.seat_no = c.seat_no),
  first_free AS (SELECT seats.seat_no FROM seats WHERE seats.free ORDER BY seats.ord LIMIT 1),
  taken AS (
    INSERT INTO appointment_seats AS s (service_id, starts_at, seat_no, appointment_id, held_until, released_at)
    SELECT p_service_id, p_starts_at, first_free.seat_no, p_id, now() + make_interval(mins => p_hold_minutes), NULL FROM first_free
    ON CONFLICT (service_id, starts_at, seat_no) DO UPDATE
      SET appointment_id = EXCLUDED.appointment_id, held_until = EXCLUDED.held_until, released_at = NULL
      WHERE (s.held_until IS NOT NULL AND s.held_until <= now()) OR (s.released_at IS NOT NULL AND s.released_at <= now())
    RETURNING s.seat_no, s.held_until),
  held AS (
    INSERT INTO appointments (id, reference, centre_id, service_id, starts_at, ends_at, seat_no, state, channel, hold_expires_at, hold_key, client_address_hash)
    SELECT p_id, p_reference, p_centre_id, p_service_id, p_starts_at, p_ends_at, taken.seat_no, 'held', 'public', taken.held_until, p_hold_key, p_client_address_hash FROM taken
    RETURNING *)
  SELECT (SELECT to_jsonb(held) FROM held),
    (SELECT first_free.seat_no FROM first_free)::int,
    (SELECT count(*) FROM seats WHERE seats.free)::int,
    (SELECT extract(epoch FROM min(seats.free_at) - now()) FROM seats WHERE NOT seats.free)::float8;
END;
$$;

-- Books a public hold: locks the appointment row; if it is still a hold that owns its seat and has
-- not run out, books the seat; takes the contact's advisory locks (p_contact_locks, in that order:
-- every booking of the contact for the service takes the same ones); counts the contact's booked
-- appointments still to come — in a statement of its own, so it sees every booking committed while
-- this one waited for the locks — and refuses (SQLSTATE OR001, nothing written) at p_limit; then sets
-- the booking's columns and writes its messages, jobs and audit event. outcome: 'booked' (with the
-- row), 'not_held' (with the row as it is), 'expired' (the hold is written down as expired); no row
-- when there is no such appointment.
CREATE FUNCTION appointments_book_public_hold(
  p_id uuid, p_contact_locks text[], p_email_key text, p_phone_key text, p_limit int,
  p_booking jsonb, p_notifications jsonb, p_jobs jsonb, p_audit jsonb)
RETURNS TABLE (outcome text, appointment jsonb)
LANGUAGE plpgsql AS $$
DECLARE
  hold appointments;
  active int;
BEGIN
  SELECT * INTO hold FROM appointments WHERE id = p_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF hold.state <> 'held' THEN
    RETURN QUERY SELECT 'not_held'::text, to_jsonb(hold);
    RETURN;
  END IF;
  UPDATE appointment_seats SET held_until = NULL
  WHERE service_id = hold.service_id AND starts_at = hold.starts_at AND seat_no = hold.seat_no AND appointment_id = hold.id AND held_until > now();
  IF NOT FOUND THEN
    UPDATE appointments SET state = 'expired', updated_at = now() WHERE id = p_id AND state = 'held';
    RETURN QUERY SELECT 'expired'::text, NULL::jsonb;
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext(k.key)) FROM unnest(p_contact_locks) WITH ORDINALITY AS k(key, ord) ORDER BY k.ord;
  SELECT count(*) INTO active FROM appointments a
  WHERE a.service_id = hold.service_id AND a.state = 'booked' AND a.starts_at > now()
    AND ((p_email_key IS NOT NULL AND a.email_key = p_email_key) OR (p_phone_key IS NOT NULL AND a.phone_key = p_phone_key));
  IF active >= p_limit THEN
    RAISE EXCEPTION 'the contact has reached the limit of active bookings for this service' USING ERRCODE = 'OR001';
  END IF;
  UPDATE appointments SET
    state = 'booked',
    contact_name = p_booking->>'contact_name',
    contact_email = p_booking->>'contact_email',
    contact_phone = p_booking->>'contact_phone',
    preferred_language = p_booking->>'preferred_language',
    email_key = p_booking->>'email_key',
    phone_key = p_booking->>'phone_key',
    token_hash = p_booking->>'token_hash',
    confirm_key = p_booking->>'confirm_key',
    booked_at = (p_booking->>'booked_at')::timestamptz,
    client_address_hash = p_booking->>'client_address_hash',
    updated_at = now()
  WHERE id = p_id
  RETURNING * INTO hold;
  INSERT INTO notifications (id, channel, recipient, locale, template, params, attachments, subject_type, subject_id, centre_id)
  SELECT n.id, n.channel, n.recipient, n.locale, n.template, n.params, n.attachments, n.subject_type, n.subject_id, n.centre_id
  FROM jsonb_populate_recordset(NULL::notifications, p_notifications) AS n;
  -- A row of a recordset cannot ask for DEFAULT: 5 is the column's default (migration 0010).
  INSERT INTO jobs (id, kind, payload, run_at, dedupe_key, max_attempts)
  SELECT j.id, j.kind, j.payload, j.run_at, j.dedupe_key, coalesce(j.max_attempts, 5)
  FROM jsonb_populate_recordset(NULL::jobs, p_jobs) AS j
  ON CONFLICT (kind, dedupe_key) WHERE dedupe_key IS NOT NULL AND status = 'pending'
    DO UPDATE SET run_at = EXCLUDED.run_at, payload = EXCLUDED.payload, attempts = 0;
  INSERT INTO audit_events (id, actor_id, actor_name, action, resource_type, resource_id, centre_id, unit_id, personal_data, reason, break_glass, ip, request_id, details)
  SELECT e.id, e.actor_id, e.actor_name, e.action, e.resource_type, e.resource_id, e.centre_id, e.unit_id, e.personal_data, e.reason, e.break_glass, e.ip, e.request_id, e.details
  FROM jsonb_populate_record(NULL::audit_events, p_audit) AS e;
  RETURN QUERY SELECT 'booked'::text, to_jsonb(hold);
END;
$$;
