import { uuidv7 } from 'uuidv7';

const at = '2026-03-01T10:00:00.000Z';

/** A small partner dataset in HSDS JSON: an association with a service at its office in Lisbon. */
export function partnerDataset() {
  const organization = uuidv7();
  const service = uuidv7();
  const location = uuidv7();
  const link = uuidv7();
  const phone = uuidv7();
  const term = uuidv7();
  const child = uuidv7();
  return {
    ids: { organization, service, location, link, phone, term },
    dataset: {
      hsds_version: '3.0',
      organization: [{ id: organization, name: 'Associação Solidariedade Imigrante', description: 'Apoio jurídico e social a imigrantes.', email: 'geral@example.org', website: 'https://example.org', kind: 'partner', last_modified: at }],
      location: [{ id: location, organization_id: organization, name: 'Sede', latitude: 38.7223, longitude: -9.1393, last_modified: at }],
      service: [{ id: service, organization_id: organization, name: 'Atendimento jurídico', description: 'Consultas gratuitas sobre residência.', last_modified: at }],
      service_at_location: [{ id: link, service_id: service, location_id: location, last_modified: at }],
      address: [{ id: uuidv7(), location_id: location, address_1: 'Rua da Madalena, 8', city: 'Lisboa', postal_code: '1100-321', country: 'PT', last_modified: at }],
      phone: [{ id: phone, service_id: service, number: '+351 218 870 713', type: 'voice', last_modified: at }],
      schedule: [{ id: uuidv7(), service_id: service, freq: 'WEEKLY', byday: 'MO,WE,FR', opens_at: '14:00', closes_at: '19:00', last_modified: at }],
      language: [{ id: uuidv7(), service_id: service, code: 'pt', last_modified: at }, { id: uuidv7(), service_id: service, code: 'uk', name: 'Українська', last_modified: at }],
      required_document: [{ id: uuidv7(), service_id: service, document: 'Passaporte', last_modified: at }],
      // The child term comes first: the import links parents after writing every term.
      taxonomy_term: [{ id: child, name: 'Apoio jurídico', parent_id: term, taxonomy: 'oneroof', last_modified: at }, { id: term, name: 'Direitos', code: 'rights', taxonomy: 'oneroof', last_modified: at }],
      attribute: [{ id: uuidv7(), link_id: service, link_entity: 'service', taxonomy_term_id: child, last_modified: at }],
    },
  };
}
