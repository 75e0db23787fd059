import type { ServiceKey } from './demo-services.js';

/**
 * The demo network, modelled on Portugal's national immigrant support centres: two national centres,
 * a branch and local centres; Lisbon has every agency branch and support office.
 */

export interface DemoUnit {
  code: string;
  name: string;
  kind: 'agency_branch' | 'support_office' | 'complementary_service';
  organisation: string;
  location: string;
  counters: number;
  services: ServiceKey[];
}

export interface DemoCentre {
  code: string;
  name: string;
  kind: 'national' | 'branch' | 'local';
  timeZone: string;
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  announcementLanguages: string[];
  /** 'full' is 08:30–18:30 Monday to Friday; 'local' closes for lunch. */
  hours: 'full' | 'local';
  municipalHoliday: { month: number; day: number; label: string };
  units: DemoUnit[];
}

export const NETWORK_NAME = 'Rede Nacional de Apoio à Integração de Migrantes';

const agency = (code: string, name: string, organisation: string, location: string, counters: number, services: ServiceKey[]): DemoUnit => ({
  code,
  name,
  kind: 'agency_branch',
  organisation,
  location,
  counters,
  services,
});
const office = (code: string, name: string, organisation: string, location: string, counters: number, services: ServiceKey[]): DemoUnit => ({
  code,
  name,
  kind: 'support_office',
  organisation,
  location,
  counters,
  services,
});

const IMMIGRATION = 'Agência para a Integração, Migrações e Asilo';
const SOCIAL_SECURITY = 'Instituto da Segurança Social';
const TAX = 'Autoridade Tributária e Aduaneira';
const HEALTH = 'Serviço Nacional de Saúde';
const NETWORK_STAFF = 'Rede Nacional de Apoio à Integração de Migrantes';

export const DEMO_CENTRES: DemoCentre[] = [
  {
    code: 'LIS',
    name: 'Centro Nacional de Apoio à Integração de Migrantes – Lisboa',
    kind: 'national',
    timeZone: 'Europe/Lisbon',
    street: 'Rua Álvaro Coutinho, 14',
    postalCode: '1150-025',
    city: 'Lisboa',
    phone: '+351 218 106 100',
    email: 'lisboa@oneroof.example',
    announcementLanguages: ['pt', 'en', 'fr', 'ar'],
    hours: 'full',
    municipalHoliday: { month: 6, day: 13, label: 'Santo António (feriado municipal)' },
    units: [
      agency('IMM', 'Imigração e Fronteiras', IMMIGRATION, 'Piso 0, ala A', 6, ['permitRenewal', 'permitApplication', 'reunificationApplication', 'caseStatus']),
      agency('SS', 'Segurança Social', SOCIAL_SECURITY, 'Piso 0, ala B', 4, ['socialSecurityNumber', 'benefits']),
      agency('ACT', 'Inspeção do Trabalho', 'Autoridade para as Condições do Trabalho', 'Piso 1, sala 101', 2, ['labourRights', 'labourComplaint']),
      agency('IRN', 'Registos Centrais', 'Instituto dos Registos e do Notariado', 'Piso 1, ala A', 3, ['citizenship', 'civilRegistry']),
      agency('SNS', 'Saúde', HEALTH, 'Piso 1, sala 110', 2, ['healthNumber']),
      agency('EDU', 'Educação', 'Direção-Geral dos Estabelecimentos Escolares', 'Piso 1, sala 112', 1, ['schoolEnrolment']),
      agency('AT', 'Finanças', TAX, 'Piso 0, ala C', 2, ['taxNumber', 'taxReturn']),
      office('REC', 'Acolhimento e Triagem', NETWORK_STAFF, 'Entrada', 4, ['triage', 'generalInformation']),
      office('GAJ', 'Gabinete de Apoio Jurídico', 'Ordem dos Advogados (protocolo)', 'Piso 2, sala 201', 2, ['legalAdvice']),
      office('GARF', 'Gabinete de Apoio ao Reagrupamento Familiar', NETWORK_STAFF, 'Piso 2, sala 203', 1, ['reunificationSupport']),
      office('GAS', 'Gabinete de Apoio Social', 'Santa Casa da Misericórdia (protocolo)', 'Piso 2, sala 205', 2, ['socialSupport']),
      office('GEE', 'Gabinete de Emprego e Empreendedorismo', 'Instituto do Emprego e Formação Profissional', 'Piso 2, sala 207', 2, ['jobSearch', 'entrepreneurship']),
      office('HAB', 'Gabinete de Apoio à Habitação', NETWORK_STAFF, 'Piso 2, sala 209', 1, ['housing']),
      office('QUAL', 'Gabinete de Reconhecimento de Qualificações', 'Direção-Geral do Ensino Superior', 'Piso 2, sala 211', 1, ['qualifications']),
      office('PLA', 'Cursos de Língua Portuguesa', 'Português Língua de Acolhimento', 'Piso 3, sala 301', 1, ['languageCourses']),
      office('GAV', 'Apoio a Vítimas', 'Associação de Apoio à Vítima (protocolo)', 'Piso 2, sala 213', 1, ['victimSupport']),
      office('RET', 'Retorno Voluntário', 'Organização Internacional para as Migrações', 'Piso 2, sala 215', 1, ['voluntaryReturn']),
    ],
  },
  {
    code: 'OPO',
    name: 'Centro Nacional de Apoio à Integração de Migrantes – Porto',
    kind: 'national',
    timeZone: 'Europe/Lisbon',
    street: 'Rua do Pinheiro, 9',
    postalCode: '4050-484',
    city: 'Porto',
    phone: '+351 222 073 810',
    email: 'porto@oneroof.example',
    announcementLanguages: ['pt', 'en', 'es', 'uk'],
    hours: 'full',
    municipalHoliday: { month: 6, day: 24, label: 'São João (feriado municipal)' },
    units: [
      agency('IMM', 'Imigração e Fronteiras', IMMIGRATION, 'Rés-do-chão', 4, ['permitRenewal', 'permitApplication', 'caseStatus']),
      agency('SS', 'Segurança Social', SOCIAL_SECURITY, 'Rés-do-chão', 2, ['socialSecurityNumber', 'benefits']),
      agency('AT', 'Finanças', TAX, '1.º andar', 1, ['taxNumber']),
      agency('SNS', 'Saúde', HEALTH, '1.º andar', 1, ['healthNumber']),
      office('REC', 'Acolhimento e Triagem', NETWORK_STAFF, 'Entrada', 2, ['triage', 'generalInformation']),
      office('GAJ', 'Gabinete de Apoio Jurídico', 'Ordem dos Advogados (protocolo)', '2.º andar', 1, ['legalAdvice']),
      office('GEE', 'Gabinete de Emprego e Empreendedorismo', 'Instituto do Emprego e Formação Profissional', '2.º andar', 1, ['jobSearch']),
      office('GAS', 'Gabinete de Apoio Social', NETWORK_STAFF, '2.º andar', 1, ['socialSupport']),
    ],
  },
  {
    code: 'FAO',
    name: 'Centro de Apoio à Integração de Migrantes – Faro',
    kind: 'branch',
    timeZone: 'Europe/Lisbon',
    street: 'Rua Dr. José de Matos, 6',
    postalCode: '8000-503',
    city: 'Faro',
    phone: '+351 289 001 500',
    email: 'faro@oneroof.example',
    announcementLanguages: ['pt', 'en'],
    hours: 'full',
    municipalHoliday: { month: 9, day: 7, label: 'Dia da Cidade (feriado municipal)' },
    units: [
      agency('IMM', 'Imigração e Fronteiras', IMMIGRATION, 'Rés-do-chão', 2, ['permitRenewal', 'caseStatus']),
      agency('SS', 'Segurança Social', SOCIAL_SECURITY, 'Rés-do-chão', 1, ['socialSecurityNumber']),
      office('REC', 'Acolhimento e Triagem', NETWORK_STAFF, 'Entrada', 1, ['triage', 'generalInformation']),
      office('GAJ', 'Gabinete de Apoio Jurídico', NETWORK_STAFF, '1.º andar', 1, ['legalAdvice']),
    ],
  },
  localCentre('AMD', 'Amadora', 'Avenida Movimento das Forças Armadas, 1', '2700-595', '+351 214 369 000', ['pt', 'en', 'kea'], { month: 9, day: 11, label: 'Dia do Município' }),
  localCentre('ODM', 'Odemira', 'Praça da República, 2', '7630-139', '+351 283 320 900', ['pt', 'en', 'hi', 'ne'], { month: 9, day: 8, label: 'Dia do Município' }),
  {
    ...localCentre('PDL', 'Ponta Delgada', 'Rua Ernesto do Canto, 13', '9500-311', '+351 296 304 400', ['pt', 'en'], { month: 6, day: 29, label: 'São Pedro (feriado municipal)' }),
    timeZone: 'Atlantic/Azores',
  },
];

/** A local support centre run with a municipality: one office for information and referral. */
function localCentre(
  code: string,
  city: string,
  street: string,
  postalCode: string,
  phone: string,
  announcementLanguages: string[],
  municipalHoliday: DemoCentre['municipalHoliday'],
): DemoCentre {
  return {
    code,
    name: `Centro Local de Apoio à Integração de Migrantes – ${city}`,
    kind: 'local',
    timeZone: 'Europe/Lisbon',
    street,
    postalCode,
    city,
    phone,
    email: `${code.toLowerCase()}@oneroof.example`,
    announcementLanguages,
    hours: 'local',
    municipalHoliday,
    units: [office('CLAIM', 'Apoio Local à Integração', `Câmara Municipal de ${city}`, 'Balcão único', 2, ['localInformation', 'localRegularisation'])],
  };
}
