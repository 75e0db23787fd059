/**
 * Who books in the demo: names and languages by nationality, weighted like the seed's visitor mix
 * (Brazil 26 %, Cape Verde 18 %, Guinea-Bissau 10 %, Angola 8 %, Ukraine 4.5 %, then South Asia and
 * others). Names are in the Latin form people type into a booking form.
 */

export interface VisitorOrigin {
  country: string;
  weight: number;
  /** Languages the person may choose for their booking, most likely first. */
  languages: string[];
  givenNames: string[];
  familyNames: string[];
}

export const VISITOR_ORIGINS: VisitorOrigin[] = [
  {
    country: 'BR',
    weight: 26,
    languages: ['pt'],
    givenNames: ['Ana Paula', 'João Vítor', 'Mariana', 'Lucas', 'Juliana', 'Rafael', 'Fernanda', 'Thiago', 'Camila', 'Gabriel', 'Larissa', 'Bruno'],
    familyNames: ['Silva Santos', 'Oliveira', 'Souza Lima', 'Pereira da Costa', 'Rodrigues', 'Almeida Ferreira', 'Carvalho', 'Gomes Ribeiro'],
  },
  {
    country: 'CV',
    weight: 18,
    languages: ['kea', 'pt'],
    givenNames: ['Djamila', 'Edson', 'Nilza', 'Adilson', 'Elisângela', 'Hélder', 'Nádia', 'Ivanildo', 'Jandira', 'Osvaldo'],
    familyNames: ['Tavares', 'Monteiro', 'Semedo', 'Fortes', 'Varela', 'Lopes Furtado', 'Andrade', 'Moreno'],
  },
  {
    country: 'GW',
    weight: 10,
    languages: ['pov', 'pt', 'fr'],
    givenNames: ['Aissatu', 'Braima', 'Fatumata', 'Mamadu', 'Domingas', 'Sene', 'Quintino', 'Mariama'],
    familyNames: ['Baldé', 'Djaló', 'Embaló', 'Sanhá', 'Có', 'Indjai', 'Mané', 'Cassamá'],
  },
  {
    country: 'AO',
    weight: 8,
    languages: ['pt'],
    givenNames: ['Yola', 'Adão', 'Esperança', 'Nelson', 'Albertina', 'Manuel', 'Teresa', 'Domingos'],
    familyNames: ['Kiala', 'dos Santos', 'Neto', 'Mbala', 'Lukeba', 'Cassoma', 'Bento'],
  },
  {
    country: 'UA',
    weight: 4.5,
    languages: ['uk', 'ru', 'en'],
    givenNames: ['Olena', 'Andrii', 'Iryna', 'Oleksandr', 'Natalia', 'Dmytro', 'Tetiana', 'Serhii'],
    familyNames: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Melnyk', 'Kravchenko'],
  },
  {
    country: 'IN',
    weight: 6,
    languages: ['hi', 'en', 'pa'],
    givenNames: ['Priya', 'Rahul', 'Gurpreet', 'Anjali', 'Harpreet', 'Vikram', 'Sunita', 'Manpreet'],
    familyNames: ['Sharma', 'Singh', 'Kaur', 'Patel', 'Kumar', 'Gill'],
  },
  {
    country: 'NP',
    weight: 5,
    languages: ['ne', 'en'],
    givenNames: ['Sita', 'Bikash', 'Anita', 'Ramesh', 'Sabina', 'Suman'],
    familyNames: ['Gurung', 'Thapa', 'Shrestha', 'Tamang', 'Rai', 'Magar'],
  },
  {
    country: 'BD',
    weight: 5,
    languages: ['bn', 'en'],
    givenNames: ['Md. Rafiqul', 'Nusrat', 'Shahidul', 'Taslima', 'Abdul Karim', 'Farzana'],
    familyNames: ['Islam', 'Rahman', 'Hossain', 'Akter', 'Uddin', 'Begum'],
  },
  {
    country: 'PK',
    weight: 3,
    languages: ['ur', 'en'],
    givenNames: ['Muhammad Asif', 'Ayesha', 'Imran', 'Sana'],
    familyNames: ['Khan', 'Butt', 'Chaudhry', 'Qureshi'],
  },
  {
    country: 'RO',
    weight: 3,
    languages: ['ro', 'en'],
    givenNames: ['Andreea', 'Ionuț', 'Mihaela', 'Florin'],
    familyNames: ['Popescu', 'Ionescu', 'Dumitru', 'Stan'],
  },
  {
    country: 'CN',
    weight: 3,
    languages: ['zh', 'en'],
    givenNames: ['Wei', 'Li Na', 'Jun', 'Xiaoming'],
    familyNames: ['Wang', 'Zhang', 'Chen', 'Liu'],
  },
  {
    country: 'MA',
    weight: 2.5,
    languages: ['ar', 'fr'],
    givenNames: ['Youssef', 'Fatima Zahra', 'Hamza', 'Khadija'],
    familyNames: ['El Amrani', 'Benali', 'Ouazzani', 'Tazi'],
  },
  {
    country: 'SN',
    weight: 2,
    languages: ['fr', 'wo'],
    givenNames: ['Moussa', 'Awa', 'Cheikh', 'Fatou'],
    familyNames: ['Diop', 'Ndiaye', 'Sow', 'Fall'],
  },
];

/** A small deterministic generator (mulberry32): the same demo every time for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

const TOTAL_WEIGHT = VISITOR_ORIGINS.reduce((sum, origin) => sum + origin.weight, 0);

export interface DemoVisitor {
  name: string;
  language: string;
  email: string | null;
  phone: string | null;
}

/** One visitor: origin by the weights, a name from it, and an email and/or a Portuguese mobile number. */
export function demoVisitor(random: () => number, serial: number): DemoVisitor {
  let left = random() * TOTAL_WEIGHT;
  const origin = VISITOR_ORIGINS.find((candidate) => (left -= candidate.weight) < 0) ?? VISITOR_ORIGINS[0]!;
  const given = pick(random, origin.givenNames);
  const family = pick(random, origin.familyNames);
  // The first language most of the time; otherwise one of the others the person also reads.
  const language = random() < 0.7 ? origin.languages[0]! : pick(random, origin.languages);
  const slug = `${given} ${family}`.normalize('NFD').replace(/[^A-Za-z ]/g, '').trim().toLowerCase().replace(/\s+/g, '.');
  const hasEmail = random() < 0.6;
  const hasPhone = !hasEmail || random() < 0.5;
  const mobile = `+351 9${pick(random, ['1', '2', '3', '6'])}${String(serial).padStart(7, '0').replace(/(\d)(\d{3})(\d{3})$/, '$1 $2 $3')}`;
  return { name: `${given} ${family}`, language, email: hasEmail ? `${slug}.${serial}@example.org` : null, phone: hasPhone ? mobile : null };
}
