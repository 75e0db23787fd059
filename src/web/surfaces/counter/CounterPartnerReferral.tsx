import { Alert, Button, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useConsents, type PartnerSummary, type Referral } from '../backoffice/casefile/casefile-api.js';
import { ConsentForm } from '../backoffice/casefile/ConsentForm.js';
import { useMyUnits } from '../backoffice/casefile/file-helpers.js';
import { PartnerContact } from '../backoffice/casefile/PartnerContact.js';
import { PartnerPicker } from '../backoffice/casefile/PartnerPicker.js';
import { ReferralForm } from '../backoffice/casefile/ReferralForm.js';
import { useUnitOptions } from '../backoffice/casefile/useUnitOptions.js';

const asRef = (partner: PartnerSummary) => ({ organizationId: partner.id, name: partner.name, phones: partner.phones, addresses: partner.addresses, email: partner.email, website: partner.website });

/**
 * At the counter, sending the person on to a partner association of the directory: pick the partner
 * by name, see how to reach it (to tell the person), record the person's consent to share if there is
 * none yet, then send the referral — the same forms and API as the file page.
 */
export function CounterPartnerReferral({ personId, homeCentreId }: { personId: string; homeCentreId: string | null }) {
  const [opened, { open, close }] = useDisclosure(false);
  const myUnits = useMyUnits('casefile.refer');
  if (myUnits.length === 0) return null;
  return (
    <>
      <Button size="xs" variant="light" leftSection={<IconShare size={14} />} onClick={open}>
        <FormattedMessage id="casefile.counter.referPartner" />
      </Button>
      {opened ? <PartnerReferralModal personId={personId} homeCentreId={homeCentreId} units={myUnits} onClose={close} /> : null}
    </>
  );
}

function PartnerReferralModal({ personId, homeCentreId, units, onClose }: { personId: string; homeCentreId: string | null; units: string[]; onClose(): void }) {
  const intl = useIntl();
  const unitOptions = useUnitOptions(units);
  const [unitId, setUnitId] = useState(units[0]!);
  const [partner, setPartner] = useState<PartnerSummary | null>(null);
  const [sent, setSent] = useState<Referral | null>(null);
  const consents = useConsents(personId);
  const consented = Boolean(partner && (consents.data ?? []).some((c) => c.purpose === 'share_with_partner' && c.active && c.sourceUnitId === unitId && c.partnerOrganizationId === partner.id));
  return (
    <Modal opened onClose={onClose} title={intl.formatMessage({ id: 'casefile.counter.referPartner' })} size="lg" closeButtonProps={{ 'aria-label': intl.formatMessage({ id: 'common.close' }) }}>
      {sent ? (
        <Stack>
          <Alert color="teal">
            <FormattedMessage id="casefile.counter.referralSent" values={{ partner: sent.partner?.name ?? '' }} />
          </Alert>
          {sent.partner ? <PartnerContact partner={sent.partner} /> : null}
          <Button onClick={onClose} style={{ alignSelf: 'flex-end' }}><FormattedMessage id="common.close" /></Button>
        </Stack>
      ) : (
        <Stack gap="sm">
          {units.length > 1 ? <Select label={<FormattedMessage id="casefile.referrals.from" />} data={unitOptions} allowDeselect={false} value={unitId} onChange={(value) => value && setUnitId(value)} comboboxProps={{ withinPortal: true }} /> : null}
          <PartnerPicker required value={partner} onChange={setPartner} />
          {partner ? <PartnerContact partner={asRef(partner)} withName={false} /> : null}
          {partner && consents.isSuccess && !consented ? (
            <Stack gap={0}>
              <Text size="sm" fw={600} mt="xs"><FormattedMessage id="casefile.counter.consentFirst" values={{ partner: partner.name }} /></Text>
              <ConsentForm key={`${partner.id}-${unitId}`} personId={personId} homeCentreId={homeCentreId} purposes={['share_with_partner']} partner={partner} sourceUnitId={unitId} />
            </Stack>
          ) : null}
          {partner && consented ? <ReferralForm key={`${partner.id}-${unitId}`} personId={personId} homeCentreId={homeCentreId} partner={partner} fromUnitId={unitId} onSent={setSent} /> : null}
        </Stack>
      )}
    </Modal>
  );
}
