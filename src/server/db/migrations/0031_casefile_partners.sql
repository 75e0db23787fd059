-- Partners of the service directory on consents and referrals (docs/casefile.md, "Consent" and
-- "Referrals"), and events only the staff of a unit receive (docs/realtime.md, "Who receives what").

-- A consent to share with a partner association and a referral to one name the partner's
-- organisation in the directory (an HSDS organisation of kind 'partner', never a unit under the
-- roof). partner_name keeps the name as it was when recorded: rows written before as free text
-- stay readable, and so does a row whose organisation later leaves the directory.
ALTER TABLE casefile_consents ADD COLUMN partner_organization_id uuid REFERENCES directory_organization(id) ON DELETE SET NULL;
ALTER TABLE casefile_consents ADD CONSTRAINT casefile_consents_partner_organization_check
  CHECK (partner_organization_id IS NULL OR purpose = 'share_with_partner');
ALTER TABLE casefile_referrals ADD COLUMN partner_organization_id uuid REFERENCES directory_organization(id) ON DELETE SET NULL;
ALTER TABLE casefile_referrals ADD CONSTRAINT casefile_referrals_partner_organization_check
  CHECK (partner_organization_id IS NULL OR to_unit_id IS NULL);

-- Free-text rows are linked where the name leaves no doubt: exactly one partner organisation bears it.
WITH partner_names AS (
  SELECT lower(btrim(o.name)) AS name_key, min(o.id::text)::uuid AS id
  FROM directory_organization o
  WHERE o.kind = 'partner' AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = o.id)
  GROUP BY lower(btrim(o.name))
  HAVING count(*) = 1
)
UPDATE casefile_consents c SET partner_organization_id = p.id
FROM partner_names p
WHERE c.purpose = 'share_with_partner' AND c.partner_organization_id IS NULL AND lower(btrim(c.partner_name)) = p.name_key;

WITH partner_names AS (
  SELECT lower(btrim(o.name)) AS name_key, min(o.id::text)::uuid AS id
  FROM directory_organization o
  WHERE o.kind = 'partner' AND NOT EXISTS (SELECT 1 FROM units u WHERE u.id = o.id)
  GROUP BY lower(btrim(o.name))
  HAVING count(*) = 1
)
UPDATE casefile_referrals r SET partner_organization_id = p.id
FROM partner_names p
WHERE r.to_unit_id IS NULL AND r.partner_organization_id IS NULL AND lower(btrim(r.partner_name)) = p.name_key;

-- An event about records behind need-to-know (a referral) names the action its receivers must hold
-- through a grant on the event's unit itself: a centre or network grant does not open a unit's
-- records, so it does not bring their events either. Null: the place rule alone.
ALTER TABLE realtime_events ADD COLUMN audience text;
ALTER TABLE realtime_events ADD CONSTRAINT realtime_events_audience_check CHECK (audience IS NULL OR unit_id IS NOT NULL);
