-- Documents of a person's file, in a unit's section. The content is encrypted (AES-256-GCM) before
-- it reaches the database and kept apart from the metadata, so lists never load it; the database
-- holds it so every instance sharing the database serves the same files.
CREATE TABLE casefile_documents (
  id uuid PRIMARY KEY,
  person_id uuid NOT NULL REFERENCES people(id),
  unit_id uuid NOT NULL REFERENCES units(id),
  document_type text NOT NULL,
  title text NOT NULL DEFAULT '',
  file_name text NOT NULL,
  -- Detected from the content, never taken from the name or the browser.
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  uploaded_by uuid REFERENCES staff(id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX casefile_documents_person ON casefile_documents (person_id, unit_id, uploaded_at);

CREATE TABLE casefile_document_contents (
  document_id uuid PRIMARY KEY REFERENCES casefile_documents(id) ON DELETE CASCADE,
  -- Which key sealed it ('config' or 'data-dir'), the nonce, the GCM tag and the sealed bytes.
  key_id text NOT NULL,
  iv bytea NOT NULL,
  auth_tag bytea NOT NULL,
  ciphertext bytea NOT NULL
);
