-- Case-file records follow a people merge: the records of the duplicate are moved to the surviving
-- record, and each move is written down so an undo returns exactly those records (records added to
-- the survivor after the merge stay with it).
CREATE TABLE casefile_merge_moves (
  merge_id uuid NOT NULL REFERENCES person_merges(id),
  record_table text NOT NULL CHECK (record_table IN ('casefile_entries', 'casefile_consents', 'casefile_referrals', 'casefile_procedures', 'casefile_documents')),
  record_id uuid NOT NULL,
  PRIMARY KEY (merge_id, record_table, record_id)
);
