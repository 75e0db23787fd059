-- Fair public booking: per-address rate limits shared by every instance, proof-of-work challenges
-- that may be used once, and the (hashed) address a hold or booking came from, for staff who look
-- for suspicious patterns. See docs/appointments.md, "Fairness".

-- Fixed-window counters: one row per (bucket, window start). A bucket names the limit and the
-- client, e.g. 'holds:<address hash>'. Incremented with one upsert; old windows are deleted.
CREATE TABLE rate_limit_windows (
  bucket text NOT NULL CHECK (length(bucket) BETWEEN 1 AND 200),
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 1,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
CREATE INDEX rate_limit_windows_expiry_idx ON rate_limit_windows (expires_at);

-- Proof-of-work challenges already spent: a solved challenge opens one request, never two. Kept
-- until the challenge itself expires (after that it is refused as expired anyway).
CREATE TABLE altcha_spent_challenges (
  challenge_hash text PRIMARY KEY,
  expires_at timestamptz NOT NULL
);
CREATE INDEX altcha_spent_challenges_expiry_idx ON altcha_spent_challenges (expires_at);

-- HMAC-SHA-256 of the client's network address under a key derived from the server's secret-box key:
-- equal addresses give equal hashes (so staff can see many bookings from one place), but the address
-- itself cannot be read back. Null for staff and phone bookings.
ALTER TABLE appointments ADD COLUMN client_address_hash text;
CREATE INDEX appointments_client_address_idx ON appointments (client_address_hash, created_at) WHERE client_address_hash IS NOT NULL;
