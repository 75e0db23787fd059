-- Search by the first letters of a name ("Ibrah", "Kova") as one index lookup: every Latin token of
-- name_key contributes its first 3, 4, 5 and 6 letters. The function is immutable (it reads only its
-- argument), so an expression index can hold its result; search asks `person_name_prefixes(name_key)
-- @> ARRAY[…]`, which this GIN index answers without reading the common trigrams of a LIKE.
CREATE FUNCTION person_name_prefixes(name_key text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(DISTINCT left(token, n)), '{}') FROM unnest(string_to_array(name_key, ' ')) AS token, generate_series(3, 6) AS n WHERE length(token) >= n $$;

CREATE INDEX people_name_prefixes_idx ON people USING gin (person_name_prefixes(name_key));
