import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkFixture, createTestApp, type Session, type TestApp } from '../../../../test/app.js';
import { DEMO_PARTNERS, partnerRows } from '../../demo/demo-directory.js';
import { writeDataset } from '../directory/directory.import.js';
import { derivedId, syncNetworkRows } from '../directory/directory.network-sync.js';
import { session } from '../queue/queue.test-fixtures.js';
import { addPerson, addUnit } from './casefile.test-fixtures.js';

/**
 * Partner associations on consents and referrals come from the service directory (docs/casefile.md,
 * "Partners"): validated ids, the directory's phones and address on the referral, free-text rows
 * written before still readable, and the migration's linking of those rows where the name is clear.
 */
let t: TestApp;
let immigration: string;
let social: string;
let officer: Session;
let personId: string;
const partnerId = (key: string) => derivedId(`demo-partner/${key}`, 'organization');
const KALYNA = partnerId('kalyna');
const MOURARIA = partnerId('mouraria-acolhe');

beforeAll(async () => {
  t = await createTestApp();
  const place = await createNetworkFixture(t.db, 'P');
  immigration = place.unitId;
  social = (await addUnit(t.db, place.centreId, 'SOC', 'Social office')).unitId;
  await t.db.transaction().execute(async (trx) => {
    await syncNetworkRows(trx, 'pt');
    await writeDataset(trx, partnerRows(new Date().toISOString()));
  });
  officer = await session(t, [{ role: 'agency_officer', scopeType: 'unit', scopeId: immigration }], 'officer');
  personId = await addPerson(t.db, place.centreId, 'Olena', 'Kovalenko');
});
afterAll(() => t?.close());

const post = (url: string, payload: Record<string, unknown>) => officer.request({ method: 'POST', url, payload });
const consentTo = (partnerOrganizationId: string) => post(`/api/v1/people/${personId}/consents`, { purpose: 'share_with_partner', sourceUnitId: immigration, partnerOrganizationId, givenHow: 'in_person_signed' });
const referTo = (partnerOrganizationId: string) => post(`/api/v1/people/${personId}/referrals`, { fromUnitId: immigration, partnerOrganizationId, sharedSections: ['notes'], message: 'Translation of the birth certificate' });

describe('partners from the service directory', () => {
  it('are found by any word of their name, accents and case aside, with phones and addresses; units under the roof are not partners', async () => {
    const search = async (q: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/public/directory/partners?q=${encodeURIComponent(q)}` })).json().items as { id: string; name: string; phones: { number: string }[]; addresses: { address1: string; city: string }[] }[];
    const [kalyna, ...others] = await search('ucraniana KALYNA');
    expect(others).toEqual([]);
    expect(kalyna).toMatchObject({ id: KALYNA, name: 'Associação Ucraniana Kalyna', phones: [{ number: '+351 218 120 455' }], addresses: [{ address1: 'Avenida Almirante Reis, 113', city: 'Lisboa' }] });
    expect((await search('associacao')).map((p) => p.name)).toEqual(['Associação Ponte Lusófona', 'Associação Ucraniana Kalyna']);
    expect(await search('')).toHaveLength(DEMO_PARTNERS.length);
    const unitName = (await t.db.selectFrom('units').select('name').where('id', '=', social).executeTakeFirstOrThrow()).name;
    expect(await t.db.selectFrom('directory_organization').select('kind').where('id', '=', social).executeTakeFirst()).toEqual({ kind: 'under_roof' });
    expect(await search(unitName)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/directory/partners/${social}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/directory/partners/${KALYNA}` })).json()).toMatchObject({ id: KALYNA, email: 'kalyna@example.pt' });
  });

  it('a consent names a partner of the directory: not a unit, not an unknown id, not free text', async () => {
    for (const [payload, path] of [[{ partnerOrganizationId: social }, 'partnerOrganizationId'], [{ partnerOrganizationId: uuidv7() }, 'partnerOrganizationId'], [{ partnerName: 'Kalyna' }, 'partnerOrganizationId']] as const) {
      const refused = await post(`/api/v1/people/${personId}/consents`, { purpose: 'share_with_partner', sourceUnitId: immigration, givenHow: 'in_person_signed', ...payload });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.fields.map((f: { path: string }) => f.path).join()).toContain(path);
    }
    const contact = await post(`/api/v1/people/${personId}/consents`, { purpose: 'contact_sms', givenHow: 'in_person_signed', partnerOrganizationId: KALYNA });
    expect(contact.statusCode).toBe(400);
    const given = await consentTo(KALYNA);
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toMatchObject({ partnerOrganizationId: KALYNA, partnerName: 'Associação Ucraniana Kalyna', active: true });
    expect(await t.db.selectFrom('casefile_consents').select(['partner_name', 'partner_organization_id']).where('id', '=', given.json().id).executeTakeFirstOrThrow()).toEqual({ partner_name: 'Associação Ucraniana Kalyna', partner_organization_id: KALYNA });
  });

  it('a referral to a partner needs the consent for that partner, and shows the partner\'s name, phones and address', async () => {
    const noConsent = await referTo(MOURARIA);
    expect(noConsent.statusCode, noConsent.body).toBe(409);
    expect((await post(`/api/v1/people/${personId}/referrals`, { fromUnitId: immigration, toUnitId: social, partnerOrganizationId: KALYNA })).statusCode).toBe(400);
    expect((await referTo(social)).statusCode).toBe(400);

    const sent = await referTo(KALYNA);
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json();
    expect(referral).toMatchObject({
      toUnit: null,
      partnerName: 'Associação Ucraniana Kalyna',
      partner: { organizationId: KALYNA, name: 'Associação Ucraniana Kalyna', email: 'kalyna@example.pt', phones: [{ number: '+351 218 120 455', type: 'voice' }], addresses: [{ address1: 'Avenida Almirante Reis, 113', postalCode: '1150-014', city: 'Lisboa', country: 'PT' }] },
    });
    // The directory is read at every view: a new phone number shows on the referral at once.
    await t.db.updateTable('directory_phone').set({ number: '+351 218 120 456' }).where('id', '=', derivedId('demo-partner/kalyna', 'phone')).execute();
    const listed = (await officer.request({ method: 'GET', url: `/api/v1/referrals?personId=${personId}` })).json().items;
    expect(listed[0].partner.phones).toEqual([{ number: '+351 218 120 456', extension: null, type: 'voice' }]);
    // The partner has no account: the sending unit records its answer.
    expect((await post(`/api/v1/referrals/${referral.id}/accept`, { note: 'They call her on Tuesday' })).statusCode).toBe(200);
    // A withdrawn consent stops the next referral.
    const consent = (await officer.request({ method: 'GET', url: `/api/v1/people/${personId}/consents` })).json().items.find((c: { partnerOrganizationId: string | null }) => c.partnerOrganizationId === KALYNA);
    expect((await post(`/api/v1/casefile/consents/${consent.id}/withdraw`, {})).statusCode).toBe(200);
    expect((await referTo(KALYNA)).statusCode).toBe(409);
  });

  it('keeps free-text rows written before readable, and a free-text consent naming the partner still counts', async () => {
    const now = new Date();
    const consentId = uuidv7();
    await t.db.insertInto('casefile_consents').values({ id: consentId, person_id: personId, purpose: 'share_with_partner', source_unit_id: immigration, partner_name: 'centro comunitário mouraria acolhe ', given_how: 'online', given_at: now }).execute();
    const oldReferral = uuidv7();
    await t.db.insertInto('casefile_referrals').values({ id: oldReferral, person_id: personId, from_unit_id: immigration, partner_name: 'Casa do Brasil (not in the directory)', shared_sections: [], sent_at: now }).execute();
    const consents = (await officer.request({ method: 'GET', url: `/api/v1/people/${personId}/consents` })).json().items;
    expect(consents.find((c: { id: string }) => c.id === consentId)).toMatchObject({ partnerOrganizationId: null, partnerName: 'centro comunitário mouraria acolhe ' });
    const old = (await officer.request({ method: 'GET', url: `/api/v1/referrals/${oldReferral}` })).json();
    expect(old).toMatchObject({ partnerName: 'Casa do Brasil (not in the directory)', partner: { organizationId: null, name: 'Casa do Brasil (not in the directory)', phones: [], addresses: [] } });
    const sent = await referTo(MOURARIA);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().partner).toMatchObject({ organizationId: MOURARIA, name: 'Centro Comunitário Mouraria Acolhe' });
  });

  it('migration 0031 links free-text rows to the directory where exactly one partner bears the name', async () => {
    const unlinked = async (id: string) => (await t.db.updateTable('casefile_consents').set({ partner_organization_id: null }).where('id', '=', id).returning('id').executeTakeFirstOrThrow()).id;
    const now = new Date();
    const rows = { byName: uuidv7(), unknown: uuidv7(), twice: uuidv7() };
    // Two partners of the same name: the row stays free text.
    await writeDataset(t.db, { ...Object.fromEntries(Object.keys(partnerRows('2026-01-01T00:00:00.000Z')).map((k) => [k, []])), organization: [{ id: uuidv7(), name: 'Rede Mulheres Migrantes Lisboa', alternate_name: null, description: '', email: null, website: null, legal_status: null, year_incorporated: null, kind: 'partner', origin: 'manual', last_modified: now.toISOString() }] } as never);
    for (const [id, name] of [[rows.byName, 'ASSOCIAÇÃO PONTE LUSÓFONA'], [rows.unknown, 'Some club'], [rows.twice, 'Rede Mulheres Migrantes Lisboa']] as const) {
      await t.db.insertInto('casefile_consents').values({ id, person_id: personId, purpose: 'share_with_partner', source_unit_id: immigration, partner_name: name, given_how: 'online', given_at: now }).execute();
      await unlinked(id);
    }
    const referral = uuidv7();
    await t.db.insertInto('casefile_referrals').values({ id: referral, person_id: personId, from_unit_id: immigration, partner_name: 'Associação Ponte Lusófona', shared_sections: [], sent_at: now }).execute();
    const migration = readFileSync(new URL('../../db/migrations/0031_casefile_partners.sql', import.meta.url), 'utf8');
    const backfill = migration.split(';').map((statement) => statement.replace(/^\s*--.*$/gm, '').trim()).filter((statement) => statement.startsWith('WITH partner_names'));
    expect(backfill).toHaveLength(2);
    for (const statement of backfill) await sql.raw(statement).execute(t.db);
    const linked = await t.db.selectFrom('casefile_consents').select(['id', 'partner_organization_id']).where('id', 'in', Object.values(rows)).execute();
    expect(Object.fromEntries(linked.map((row) => [row.id, row.partner_organization_id]))).toEqual({ [rows.byName]: partnerId('ponte-lusofona'), [rows.unknown]: null, [rows.twice]: null });
    expect((await t.db.selectFrom('casefile_referrals').select('partner_organization_id').where('id', '=', referral).executeTakeFirstOrThrow()).partner_organization_id).toBe(partnerId('ponte-lusofona'));
  });
});
