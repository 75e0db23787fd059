import type { Role } from '../../shared/access.js';

/** Demo staff accounts: one or more for every role, each on the scope such a person works on. */

export type DemoScope = { network: true } | { centre: string } | { centre: string; unit: string };

export interface DemoStaff {
  username: string;
  displayName: string;
  description: string;
  /** Languages they serve people in (ISO 639 codes; "kea" is Cape Verdean Creole). */
  languages: string[];
  locale: 'pt' | 'en' | 'ar';
  role: Role;
  scope: DemoScope;
}

const network = { network: true } as const;
const centre = (code: string) => ({ centre: code });
const unit = (centreCode: string, unitCode: string) => ({ centre: centreCode, unit: unitCode });

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'admin', displayName: 'Marta Figueiredo', description: 'network administrator (whole network)', languages: ['pt', 'en'], locale: 'pt', role: 'network_admin', scope: network },
  { username: 'manager.lisboa', displayName: 'Rui Carvalho', description: 'centre manager, Lisbon', languages: ['pt', 'en', 'fr'], locale: 'pt', role: 'centre_manager', scope: centre('LIS') },
  { username: 'manager.porto', displayName: 'Helena Moura', description: 'centre manager, Porto', languages: ['pt', 'en', 'es'], locale: 'pt', role: 'centre_manager', scope: centre('OPO') },
  { username: 'manager.faro', displayName: 'Jorge Santos', description: 'centre manager, Faro', languages: ['pt', 'en'], locale: 'pt', role: 'centre_manager', scope: centre('FAO') },
  { username: 'manager.legal', displayName: 'Inês Valente', description: 'unit manager, legal support office, Lisbon', languages: ['pt', 'en'], locale: 'pt', role: 'unit_manager', scope: unit('LIS', 'GAJ') },
  { username: 'reception.lisboa', displayName: 'Fatou Baldé', description: 'reception mediator, Lisbon', languages: ['pt', 'en', 'fr', 'es', 'ar'], locale: 'pt', role: 'reception_mediator', scope: centre('LIS') },
  { username: 'reception.porto', displayName: 'Oksana Melnyk', description: 'reception mediator, Porto', languages: ['pt', 'uk', 'ru', 'en'], locale: 'pt', role: 'reception_mediator', scope: centre('OPO') },
  { username: 'mediator.legal', displayName: 'Carla Tavares', description: 'mediator, legal support office, Lisbon', languages: ['pt', 'en', 'fr', 'es'], locale: 'pt', role: 'support_mediator', scope: unit('LIS', 'GAJ') },
  { username: 'mediator.family', displayName: 'Youssef El Amrani', description: 'mediator, family reunification office, Lisbon', languages: ['pt', 'ar', 'fr'], locale: 'ar', role: 'support_mediator', scope: unit('LIS', 'GARF') },
  { username: 'mediator.social', displayName: 'Djamila Semedo', description: 'mediator, social support office, Lisbon', languages: ['pt', 'kea', 'es'], locale: 'pt', role: 'support_mediator', scope: unit('LIS', 'GAS') },
  { username: 'mediator.employment', displayName: 'Andrii Kovalenko', description: 'mediator, employment and entrepreneurship office, Lisbon', languages: ['pt', 'uk', 'ru', 'ro'], locale: 'pt', role: 'support_mediator', scope: unit('LIS', 'GEE') },
  { username: 'mediator.housing', displayName: 'Sunita Gurung', description: 'mediator, housing office, Lisbon', languages: ['pt', 'hi', 'ne', 'ur'], locale: 'en', role: 'support_mediator', scope: unit('LIS', 'HAB') },
  { username: 'mediator.qualifications', displayName: 'Li Wei', description: 'mediator, qualifications recognition office, Lisbon', languages: ['pt', 'zh', 'en'], locale: 'pt', role: 'support_mediator', scope: unit('LIS', 'QUAL') },
  { username: 'mediator.victims', displayName: 'Rahima Akter', description: 'mediator, victims support office, Lisbon', languages: ['pt', 'bn', 'ur', 'en'], locale: 'en', role: 'support_mediator', scope: unit('LIS', 'GAV') },
  { username: 'mediator.return', displayName: 'Ioana Popescu', description: 'mediator, voluntary return office, Lisbon', languages: ['pt', 'ro', 'ru', 'uk'], locale: 'pt', role: 'support_mediator', scope: unit('LIS', 'RET') },
  { username: 'officer.immigration', displayName: 'Paulo Nunes', description: 'agency officer, immigration and borders, Lisbon', languages: ['pt', 'en'], locale: 'pt', role: 'agency_officer', scope: unit('LIS', 'IMM') },
  { username: 'officer.socialsecurity', displayName: 'Teresa Lopes', description: 'agency officer, social security, Lisbon', languages: ['pt', 'es'], locale: 'pt', role: 'agency_officer', scope: unit('LIS', 'SS') },
  { username: 'officer.porto', displayName: 'Miguel Azevedo', description: 'agency officer, immigration and borders, Porto', languages: ['pt', 'en'], locale: 'pt', role: 'agency_officer', scope: unit('OPO', 'IMM') },
  { username: 'phone', displayName: 'Ana Sofia Cabral', description: 'phone line operator (whole network)', languages: ['pt', 'en', 'es', 'fr', 'kea'], locale: 'pt', role: 'phone_operator', scope: network },
  { username: 'editor', displayName: 'Beatriz Pires', description: 'content editor (whole network)', languages: ['pt', 'en'], locale: 'pt', role: 'content_editor', scope: network },
  { username: 'translator', displayName: 'Amal Haddad', description: 'translator (whole network)', languages: ['pt', 'en', 'ar', 'fr'], locale: 'ar', role: 'translator', scope: network },
  { username: 'stats', displayName: 'Nuno Ferreira', description: 'statistician (whole network)', languages: ['pt', 'en'], locale: 'pt', role: 'statistician', scope: network },
  { username: 'auditor', displayName: 'Graça Mendes', description: 'auditor (whole network)', languages: ['pt'], locale: 'pt', role: 'auditor', scope: network },
];
