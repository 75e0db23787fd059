import type { Kysely } from 'kysely';
import type { Database } from '../db/types.js';
import { HSDS_TABLE_NAMES, type HsdsDataset, type HsdsTable } from '../modules/directory/directory.hsds.js';
import { writeDataset } from '../modules/directory/directory.import.js';
import { derivedId, syncNetworkRows } from '../modules/directory/directory.network-sync.js';

interface DemoPartner {
  key: string;
  name: string;
  kind: 'association' | 'ngo' | 'municipal';
  description: string;
  website: string | null;
  email: string;
  address: { street: string; postalCode: string; city: string };
  phone: string;
  service: { name: string; description: string; languages: string[]; days: string; opens: string; closes: string; documents: string[] };
}

/** Outside partners in Lisbon (associations, NGOs, municipal services) of the demo directory. */
export const DEMO_PARTNERS: DemoPartner[] = [
  {
    key: 'ponte-lusofona',
    name: 'Associação Ponte Lusófona',
    kind: 'association',
    description: 'Associação de imigrantes dos países de língua portuguesa: acolhimento, apoio escolar e atividades culturais.',
    website: 'https://ponte-lusofona.example.pt',
    email: 'geral@ponte-lusofona.example.pt',
    address: { street: 'Rua dos Anjos, 42', postalCode: '1150-037', city: 'Lisboa' },
    phone: '+351 213 140 210',
    service: { name: 'Apoio escolar e explicações', description: 'Explicações gratuitas para crianças e jovens, de segunda a sexta.', languages: ['pt', 'kea'], days: 'MO,TU,WE,TH,FR', opens: '16:00', closes: '19:30', documents: [] },
  },
  {
    key: 'kalyna',
    name: 'Associação Ucraniana Kalyna',
    kind: 'association',
    description: 'Apoio a pessoas vindas da Ucrânia: informação, tradução de documentos e aulas de português.',
    website: null,
    email: 'kalyna@example.pt',
    address: { street: 'Avenida Almirante Reis, 113', postalCode: '1150-014', city: 'Lisboa' },
    phone: '+351 218 120 455',
    service: { name: 'Tradução e acompanhamento', description: 'Tradução de documentos e acompanhamento a serviços públicos.', languages: ['uk', 'ru', 'pt'], days: 'TU,TH,SA', opens: '10:00', closes: '13:00', documents: ['Documento a traduzir'] },
  },
  {
    key: 'mouraria-acolhe',
    name: 'Centro Comunitário Mouraria Acolhe',
    kind: 'ngo',
    description: 'Organização não governamental do bairro da Mouraria: refeições, roupa, apoio social e encaminhamento.',
    website: 'https://mouraria-acolhe.example.org',
    email: 'apoio@mouraria-acolhe.example.org',
    address: { street: 'Rua do Benformoso, 101', postalCode: '1100-083', city: 'Lisboa' },
    phone: '+351 218 862 300',
    service: { name: 'Apoio social de emergência', description: 'Cabaz alimentar, roupa e encaminhamento para alojamento temporário.', languages: ['pt', 'en', 'bn', 'ne', 'hi', 'ur'], days: 'MO,WE,FR', opens: '09:30', closes: '12:30', documents: ['Documento de identificação (qualquer)'] },
  },
  {
    key: 'mulheres-migrantes',
    name: 'Rede Mulheres Migrantes Lisboa',
    kind: 'ngo',
    description: 'Apoio psicológico e jurídico a mulheres migrantes vítimas de violência.',
    website: null,
    email: 'contacto@mulheres-migrantes.example.org',
    address: { street: 'Rua Morais Soares, 56', postalCode: '1900-345', city: 'Lisboa' },
    phone: '+351 213 550 780',
    service: { name: 'Atendimento a vítimas de violência', description: 'Atendimento confidencial, com intérprete quando necessário.', languages: ['pt', 'en', 'fr', 'ar', 'es'], days: 'MO,TU,WE,TH,FR', opens: '10:00', closes: '18:00', documents: [] },
  },
  {
    key: 'cml-migrantes',
    name: 'Câmara Municipal de Lisboa — Gabinete Municipal de Apoio a Migrantes',
    kind: 'municipal',
    description: 'Serviço municipal: informação sobre habitação municipal, escolas, transportes e apoios sociais da cidade.',
    website: 'https://www.lisboa.example.pt/migrantes',
    email: 'migrantes@lisboa.example.pt',
    address: { street: 'Praça do Município, 1', postalCode: '1100-365', city: 'Lisboa' },
    phone: '+351 218 170 000',
    service: { name: 'Informação municipal e habitação', description: 'Inscrição em programas de habitação municipal e apoio à renda.', languages: ['pt', 'en', 'es', 'fr'], days: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '17:00', documents: ['Comprovativo de morada', 'Declaração de IRS'] },
  },
];

/** HSDS rows of the partners: stable ids derived from each partner's key. */
export function partnerRows(modifiedAt: string): HsdsDataset {
  const rows = Object.fromEntries(HSDS_TABLE_NAMES.map((table) => [table, [] as Record<string, unknown>[]])) as Record<HsdsTable, Record<string, unknown>[]>;
  const term = (code: string, name: string) => ({ id: derivedId('demo-taxonomy', code), code, name, description: '', parent_id: null, taxonomy: 'oneroof-partner-kind', language: 'pt', last_modified: modifiedAt });
  const terms = { association: term('association', 'Associação de imigrantes'), ngo: term('ngo', 'Organização não governamental'), municipal: term('municipal', 'Serviço municipal') };
  rows.taxonomy_term.push(...Object.values(terms));
  for (const partner of DEMO_PARTNERS) {
    const id = (tag: string) => derivedId(`demo-partner/${partner.key}`, tag);
    const [organization, location, service] = [id('organization'), id('location'), id('service')];
    rows.organization.push({ id: organization, name: partner.name, alternate_name: null, description: partner.description, email: partner.email, website: partner.website, legal_status: null, year_incorporated: null, kind: 'partner', origin: 'manual', last_modified: modifiedAt });
    rows.location.push({ id: location, organization_id: organization, location_type: 'physical', url: null, name: partner.name, description: null, latitude: null, longitude: null, origin: 'manual', last_modified: modifiedAt });
    rows.address.push({ id: id('address'), location_id: location, attention: null, address_1: partner.address.street, address_2: null, city: partner.address.city, region: 'Lisboa', state_province: '', postal_code: partner.address.postalCode, country: 'PT', address_type: 'physical', last_modified: modifiedAt });
    rows.phone.push({ id: id('phone'), location_id: location, service_id: null, organization_id: null, number: partner.phone, extension: null, type: 'voice', description: null, last_modified: modifiedAt });
    rows.service.push({ id: service, organization_id: organization, name: partner.service.name, alternate_name: null, description: partner.service.description, url: null, email: partner.email, status: 'active', application_process: null, fees_description: 'Gratuito', origin: 'manual', last_modified: modifiedAt });
    rows.service_at_location.push({ id: id('at'), service_id: service, location_id: location, description: null, last_modified: modifiedAt });
    rows.schedule.push({ id: id('schedule'), service_id: service, location_id: null, service_at_location_id: null, valid_from: null, valid_to: null, freq: 'WEEKLY', byday: partner.service.days, opens_at: `${partner.service.opens}:00`, closes_at: `${partner.service.closes}:00`, description: null, last_modified: modifiedAt });
    for (const code of partner.service.languages) rows.language.push({ id: id(`language/${code}`), service_id: service, location_id: null, phone_id: null, name: null, code, note: null, last_modified: modifiedAt });
    partner.service.documents.forEach((document, index) => rows.required_document.push({ id: id(`document/${index}`), service_id: service, document, uri: null, last_modified: modifiedAt }));
    rows.attribute.push({ id: id('kind'), link_id: organization, link_type: null, link_entity: 'organization', taxonomy_term_id: terms[partner.kind].id, value: null, last_modified: modifiedAt });
  }
  return rows as unknown as HsdsDataset;
}

/** The directory of the demo: the units under the roof from the network, then the partners. */
export async function loadDemoDirectory(trx: Kysely<Database>): Promise<void> {
  await syncNetworkRows(trx, 'pt');
  await writeDataset(trx, partnerRows(new Date().toISOString()));
}
