/**
 * The demo's catalogue of services: what people come to a One-Stop-Shop for, with names in the host
 * language and English, typical durations, ticket prefixes and the documents to bring. Centres pick
 * from it; a prefix is used once per centre.
 */

export interface DemoService {
  code: string;
  pt: string;
  en: string;
  minutes: number;
  prefix: string;
  documents: DocumentKey[];
  languages: string[];
}

const DOCUMENTS = {
  passport: { pt: 'Passaporte válido', en: 'Valid passport' },
  residencePermit: { pt: 'Título de residência', en: 'Residence permit card' },
  photo: { pt: 'Fotografia tipo passe', en: 'Passport-size photo' },
  address: { pt: 'Comprovativo de morada', en: 'Proof of address' },
  taxNumber: { pt: 'Número de identificação fiscal (NIF)', en: 'Tax identification number (NIF)' },
  socialSecurity: { pt: 'Número de segurança social (NISS)', en: 'Social security number (NISS)' },
  contract: { pt: 'Contrato de trabalho ou promessa de contrato', en: 'Employment contract or job offer' },
  means: { pt: 'Comprovativo de meios de subsistência', en: 'Proof of means of subsistence' },
  criminalRecord: { pt: 'Certificado de registo criminal', en: 'Criminal record certificate' },
  birthCertificate: { pt: 'Certidão de nascimento', en: 'Birth certificate' },
  marriageCertificate: { pt: 'Certidão de casamento', en: 'Marriage certificate' },
  diploma: { pt: 'Diploma e certificado de notas', en: 'Diploma and transcript of records' },
  schoolRecord: { pt: 'Registo escolar do país de origem', en: 'School record from the country of origin' },
  payslips: { pt: 'Recibos de vencimento dos últimos 3 meses', en: 'Payslips of the last 3 months' },
} as const;

export type DocumentKey = keyof typeof DOCUMENTS;

export function documentNames(key: DocumentKey): { pt: string; en: string } {
  return DOCUMENTS[key];
}

const WIDE = ['pt', 'en', 'es', 'fr'];

function service(code: string, prefix: string, minutes: number, pt: string, en: string, documents: DocumentKey[] = [], languages = WIDE): DemoService {
  return { code, prefix, minutes, pt, en, documents, languages };
}

export const SERVICES = {
  // Immigration and borders
  permitRenewal: service('PERMIT-RENEW', 'A', 20, 'Renovação de autorização de residência', 'Residence permit renewal', ['passport', 'residencePermit', 'address', 'means', 'photo']),
  permitApplication: service('PERMIT-NEW', 'AR', 35, 'Pedido de autorização de residência', 'Residence permit application', ['passport', 'contract', 'address', 'means', 'criminalRecord', 'photo']),
  reunificationApplication: service('REUNIF', 'AF', 30, 'Pedido de reagrupamento familiar', 'Family reunification application', ['passport', 'residencePermit', 'birthCertificate', 'marriageCertificate', 'means']),
  caseStatus: service('CASE-INFO', 'AI', 10, 'Informação sobre processos', 'Case status information', ['passport']),
  // Social security
  socialSecurityNumber: service('NISS', 'S', 15, 'Atribuição do número de segurança social', 'Social security number', ['passport', 'residencePermit', 'contract']),
  benefits: service('BENEFITS', 'SP', 20, 'Prestações sociais e abono de família', 'Social benefits and child benefit', ['passport', 'socialSecurity', 'birthCertificate']),
  // Labour inspectorate
  labourRights: service('LABOUR-INFO', 'T', 15, 'Informação sobre direitos laborais', 'Labour rights information', ['contract', 'payslips']),
  labourComplaint: service('LABOUR-COMPLAINT', 'TQ', 25, 'Queixa sobre condições de trabalho', 'Complaint about working conditions', ['contract', 'payslips']),
  // Central registry
  citizenship: service('CITIZENSHIP', 'N', 30, 'Pedido de nacionalidade portuguesa', 'Portuguese citizenship application', ['passport', 'birthCertificate', 'criminalRecord', 'residencePermit']),
  civilRegistry: service('CIVIL-REG', 'NR', 20, 'Registo de nascimento ou casamento', 'Birth or marriage registration', ['passport', 'birthCertificate', 'marriageCertificate']),
  // Health
  healthNumber: service('SNS-NUMBER', 'H', 15, 'Inscrição no Serviço Nacional de Saúde', 'National Health Service registration', ['passport', 'address', 'socialSecurity']),
  // Education
  schoolEnrolment: service('SCHOOL', 'E', 20, 'Matrícula escolar e equivalências', 'School enrolment and equivalences', ['passport', 'schoolRecord', 'address']),
  // Tax
  taxNumber: service('NIF', 'F', 10, 'Atribuição do número de contribuinte (NIF)', 'Tax identification number (NIF)', ['passport', 'address']),
  taxReturn: service('IRS', 'FI', 20, 'Apoio à declaração de IRS', 'Help with the income tax return', ['taxNumber', 'payslips']),
  // Reception and pre-sorting
  triage: service('TRIAGE', 'R', 5, 'Acolhimento e triagem', 'Reception and pre-sorting', [], ['pt', 'en', 'es', 'fr', 'ar', 'uk']),
  generalInformation: service('INFO', 'RI', 10, 'Informação geral', 'General information', [], ['pt', 'en', 'es', 'fr', 'ar', 'uk']),
  // Support offices
  legalAdvice: service('LEGAL', 'J', 30, 'Consulta jurídica', 'Legal advice', ['passport']),
  reunificationSupport: service('REUNIF-HELP', 'G', 25, 'Apoio ao reagrupamento familiar', 'Family reunification support', ['passport', 'residencePermit'], ['pt', 'en', 'fr', 'ar']),
  socialSupport: service('SOCIAL', 'AS', 30, 'Apoio social', 'Social support', ['passport'], ['pt', 'en', 'es', 'kea']),
  jobSearch: service('JOBS', 'EM', 25, 'Apoio à procura de emprego', 'Job search support', ['passport', 'residencePermit', 'diploma'], ['pt', 'en', 'uk', 'ru', 'ro']),
  entrepreneurship: service('BUSINESS', 'EE', 30, 'Apoio ao empreendedorismo', 'Entrepreneurship support', ['passport', 'taxNumber'], ['pt', 'en', 'zh']),
  housing: service('HOUSING', 'HB', 25, 'Apoio à habitação', 'Housing support', ['passport', 'payslips'], ['pt', 'en', 'hi', 'ne', 'ur']),
  qualifications: service('QUALIF', 'Q', 20, 'Reconhecimento de qualificações', 'Recognition of qualifications', ['passport', 'diploma'], ['pt', 'en', 'zh', 'uk']),
  languageCourses: service('PT-COURSE', 'L', 10, 'Inscrição em cursos de português', 'Portuguese language course enrolment', ['passport'], ['pt', 'en', 'ar', 'bn', 'ne']),
  victimSupport: service('VICTIMS', 'V', 30, 'Apoio a vítimas de discriminação e tráfico', 'Support for victims of discrimination and trafficking', [], ['pt', 'en', 'bn', 'ur']),
  voluntaryReturn: service('RETURN', 'RV', 30, 'Apoio ao retorno voluntário', 'Voluntary return support', ['passport'], ['pt', 'en', 'ru', 'uk', 'ro']),
  localInformation: service('LOCAL-INFO', 'I', 15, 'Informação e encaminhamento', 'Information and referral', [], ['pt', 'en', 'es', 'hi', 'ne']),
  localRegularisation: service('LOCAL-PERMIT', 'IR', 25, 'Apoio a processos de autorização de residência', 'Help with residence permit procedures', ['passport', 'contract'], ['pt', 'en', 'hi', 'ne']),
} satisfies Record<string, DemoService>;

export type ServiceKey = keyof typeof SERVICES;
