-- What the job runner and the staff outbox need on top of 0010 and 0011.

-- Which instance holds a running job, when it started, for the operations view and for finding a
-- stuck process; the counts by kind and status are read often by that view.
ALTER TABLE jobs ADD COLUMN locked_by text;
ALTER TABLE jobs ADD COLUMN started_at timestamptz;
CREATE INDEX jobs_status_kind_idx ON jobs (status, kind);

-- The language whose text was actually used (the person's, or the fallback), and the last change of
-- status, so staff can tell "written in English because there is no Tigrinya text" and when.
ALTER TABLE notifications ADD COLUMN rendered_locale text;
ALTER TABLE notifications ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- The outbox lists newest first within a centre, a status or a template.
CREATE INDEX notifications_centre_idx ON notifications (centre_id, created_at DESC);
CREATE INDEX notifications_status_idx ON notifications (status, created_at DESC);
CREATE INDEX notifications_template_idx ON notifications (template, created_at DESC);
