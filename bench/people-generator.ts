// Generates people with names in many scripts for the person-search benchmark, fast: rows are built
// in memory with the server's own search keys (people.keys.ts) and written 5,000 at a time with one
// multi-row INSERT … SELECT FROM unnest(arrays) per batch (a single statement per batch on PGlite
// and PostgreSQL alike). Run on its own:
//   npx tsx bench/people-generator.ts COUNT            (PGlite in memory: prints the time)
//   DATABASE_URL=postgres://… npx tsx bench/people-generator.ts COUNT  (into that database)
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../src/server/db/types.js';
import { storedKeys } from '../src/server/modules/people/people.keys.js';

/** A name as written in its script with its usual Latin spellings (the first is the usual one). */
type Name = [native: string, ...latin: string[]];

interface ScriptPool {
  script: string | null;
  nationalities: string[];
  given: Name[];
  family: Name[];
  /** Written family-name first, without spaces (Chinese). */
  joined?: boolean;
}

export const SCRIPT_POOLS: ScriptPool[] = [
  {
    script: null,
    nationalities: ['BR', 'CV', 'GW', 'AO', 'PT', 'ST'],
    given: [['João'], ['José'], ['Maria'], ['Ana'], ['Conceição'], ['Antônio'], ['Luís'], ['Fátima'], ['Inês'], ['Gonçalo'], ['Márcia'], ['Sebastião'], ['Adélia'], ['Jéssica'], ['Cláudio'], ['Rosângela'], ['Anderson'], ['Thaís'], ['Vitória'], ['Raimundo']],
    family: [['Gonçalves'], ['Conceição'], ['Araújo'], ['Simões'], ['Mendonça'], ['Lopes'], ['Tavares'], ['Monteiro'], ['Fernandes'], ['Brandão'], ['Assunção'], ['Sá'], ['Gomes'], ['Varela'], ['Semedo'], ['Mendes'], ['Furtado'], ['Cabral'], ['Pina'], ['Évora']],
  },
  {
    script: 'Arab',
    nationalities: ['SY', 'MA', 'EG', 'IQ', 'SD'],
    given: [['محمد', 'Mohammed', 'Muhammad', 'Mohamed'], ['أحمد', 'Ahmed', 'Ahmad'], ['فاطمة', 'Fatima', 'Fatimah'], ['يوسف', 'Youssef', 'Yusuf'], ['خديجة', 'Khadija'], ['عمر', 'Omar', 'Umar'], ['مريم', 'Maryam', 'Mariam'], ['حسن', 'Hassan', 'Hasan'], ['زينب', 'Zainab', 'Zeinab'], ['خالد', 'Khaled', 'Khalid'], ['إبراهيم', 'Ibrahim'], ['سارة', 'Sara', 'Sarah'], ['عبد الله', 'Abdullah', 'Abdallah'], ['نور', 'Nour', 'Noor'], ['مصطفى', 'Mustafa', 'Moustafa']],
    family: [['الحسن', 'Al-Hassan', 'Alhassan'], ['المصري', 'El-Masri', 'Al-Masri'], ['حداد', 'Haddad'], ['الخطيب', 'Al-Khatib', 'Alkhatib'], ['منصور', 'Mansour', 'Mansur'], ['سليمان', 'Suleiman', 'Sulaiman'], ['عثمان', 'Osman', 'Othman'], ['الشامي', 'Al-Shami', 'Alshami'], ['بكري', 'Bakri'], ['الزين', 'Al-Zein', 'Elzein'], ['العلي', 'Al-Ali'], ['ناصر', 'Nasser', 'Naser']],
  },
  {
    script: 'Arab',
    nationalities: ['IR', 'AF'],
    given: [['رضا', 'Reza', 'Rezā'], ['مهدی', 'Mehdi', 'Mahdi'], ['زهرا', 'Zahra'], ['علی', 'Ali'], ['پریسا', 'Parisa'], ['حمید', 'Hamid'], ['نرگس', 'Narges'], ['امید', 'Omid'], ['شیرین', 'Shirin'], ['فرهاد', 'Farhad']],
    family: [['محمدی', 'Mohammadi', 'Mohamadi'], ['حسینی', 'Hosseini', 'Husseini'], ['رضایی', 'Rezaei', 'Rezaee'], ['احمدی', 'Ahmadi'], ['کریمی', 'Karimi'], ['جعفری', 'Jafari', 'Jafary'], ['رحیمی', 'Rahimi'], ['نوری', 'Nouri', 'Noori']],
  },
  {
    script: 'Cyrl',
    nationalities: ['UA', 'RU', 'MD', 'BY'],
    given: [['Олена', 'Olena', 'Elena'], ['Олександр', 'Oleksandr', 'Aleksandr'], ['Наталья', 'Natalya', 'Natalia'], ['Дмитро', 'Dmytro', 'Dmitry'], ['Ірина', 'Iryna', 'Irina'], ['Сергій', 'Serhii', 'Sergey'], ['Юлія', 'Yuliia', 'Yulia'], ['Андрій', 'Andrii', 'Andrey'], ['Тетяна', 'Tetiana', 'Tatiana'], ['Владимир', 'Vladimir', 'Volodymyr'], ['Катерина', 'Kateryna', 'Ekaterina'], ['Михайло', 'Mykhailo', 'Mikhail']],
    family: [['Коваленко', 'Kovalenko'], ['Шевченко', 'Shevchenko'], ['Бондаренко', 'Bondarenko'], ['Ткаченко', 'Tkachenko'], ['Кравчук', 'Kravchuk'], ['Іванов', 'Ivanov'], ['Смирнова', 'Smirnova'], ['Мельник', 'Melnyk', 'Melnik'], ['Попова', 'Popova'], ['Литвиненко', 'Lytvynenko', 'Litvinenko'], ['Соколов', 'Sokolov'], ['Гончаренко', 'Honcharenko', 'Goncharenko']],
  },
  {
    script: 'Deva',
    nationalities: ['IN', 'NP'],
    given: [['राहुल', 'Rahul'], ['प्रिया', 'Priya'], ['अमित', 'Amit'], ['सुनीता', 'Sunita'], ['राजेश', 'Rajesh'], ['अनीता', 'Anita'], ['विजय', 'Vijay'], ['पूजा', 'Pooja', 'Puja'], ['सुरेश', 'Suresh'], ['गीता', 'Geeta', 'Gita'], ['बिकाश', 'Bikash', 'Bikas'], ['सीता', 'Sita']],
    family: [['शर्मा', 'Sharma'], ['गुरुङ', 'Gurung'], ['सिंह', 'Singh'], ['थापा', 'Thapa'], ['पटेल', 'Patel'], ['श्रेष्ठ', 'Shrestha'], ['कुमार', 'Kumar'], ['तामाङ', 'Tamang'], ['यादव', 'Yadav'], ['राई', 'Rai']],
  },
  {
    script: 'Beng',
    nationalities: ['BD'],
    given: [['রহিম', 'Rahim'], ['করিম', 'Karim'], ['সুমি', 'Sumi'], ['আয়েশা', 'Ayesha', 'Aisha'], ['তানভীর', 'Tanvir'], ['নাসরিন', 'Nasrin'], ['রুবেল', 'Rubel'], ['শারমিন', 'Sharmin'], ['মাসুদ', 'Masud', 'Masood'], ['জান্নাত', 'Jannat']],
    family: [['হোসেন', 'Hossain', 'Hussain'], ['রহমান', 'Rahman'], ['ইসলাম', 'Islam'], ['আহমেদ', 'Ahmed'], ['চৌধুরী', 'Chowdhury', 'Choudhury'], ['খান', 'Khan'], ['মিয়া', 'Miah', 'Mia'], ['আক্তার', 'Akter', 'Akhter']],
  },
  {
    script: 'Hans',
    nationalities: ['CN'],
    joined: true,
    given: [['伟', 'Wei'], ['芳', 'Fang'], ['小明', 'Xiaoming'], ['丽', 'Li'], ['静', 'Jing'], ['强', 'Qiang'], ['敏', 'Min'], ['磊', 'Lei'], ['洋', 'Yang'], ['艳', 'Yan'], ['军', 'Jun'], ['杰', 'Jie']],
    family: [['王', 'Wang'], ['李', 'Li', 'Lee'], ['张', 'Zhang', 'Chang'], ['刘', 'Liu'], ['陈', 'Chen', 'Chan'], ['杨', 'Yang'], ['黄', 'Huang', 'Wong'], ['赵', 'Zhao'], ['吴', 'Wu'], ['周', 'Zhou', 'Chow']],
  },
];

/** Latin-script surnames stretched by syllables so the Latin pool is not a few hundred names only. */
const SYLLABLES = ['ba', 'ca', 'da', 'fe', 'go', 'li', 'ma', 'no', 'pe', 'ra', 'sa', 'ta', 'vi', 'zé', 'lu', 'ção', 'ri', 'mo', 'dé', 'nha'];

/** A small deterministic generator (mulberry32): the same seed gives the same people. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedPerson {
  id: string;
  homeCentreId: string;
  givenNames: string;
  familyNames: string;
  nativeGivenNames: string;
  nativeFamilyNames: string;
  nativeScript: string | null;
  birthDate: string;
  sex: 'female' | 'male';
  nationality: string;
}

export function generatePerson(random: () => number, centreIds: string[]): GeneratedPerson {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const pool = pick(SCRIPT_POOLS);
  const given = pick(pool.given);
  const family = pick(pool.family);
  const latinOf = (name: Name) => (name.length > 1 && random() < 0.35 ? pick(name.slice(1)) : name[1] ?? name[0]);
  let familyLatin = latinOf(family);
  if (pool.script === null && random() < 0.6) familyLatin = `${familyLatin} ${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`.replace(/^./, (c) => c.toUpperCase());
  const native = pool.script !== null;
  // A quarter of people in a non-Latin script are registered in Latin letters only (no native name at hand).
  const withNative = native && random() < 0.75;
  const year = 1950 + Math.floor(random() * 55);
  const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
  return {
    id: uuidv7(),
    homeCentreId: pick(centreIds),
    givenNames: latinOf(given),
    familyNames: familyLatin,
    nativeGivenNames: withNative ? (pool.joined ? '' : given[0]) : '',
    nativeFamilyNames: withNative ? (pool.joined ? `${family[0]}${given[0]}` : family[0]) : '',
    nativeScript: withNative ? pool.script : null,
    birthDate: `${year}-${month}-${day}`,
    sex: random() < 0.5 ? 'female' : 'male',
    nationality: pick(pool.nationalities),
  };
}

const BATCH = 5000;

/** Inserts `count` generated people spread over the centres; returns the people's Latin/native names sample for queries. */
export async function insertGeneratedPeople(db: Kysely<Database>, centreIds: string[], count: number, seed = 42, onProgress?: (done: number) => void): Promise<GeneratedPerson[]> {
  const random = randomGenerator(seed);
  const sample: GeneratedPerson[] = [];
  for (let done = 0; done < count; done += BATCH) {
    const people = Array.from({ length: Math.min(BATCH, count - done) }, () => generatePerson(random, centreIds));
    if (sample.length < 2000) sample.push(...people.slice(0, 50));
    const keys = people.map((p) => storedKeys([p.givenNames, p.familyNames, '', p.nativeGivenNames, p.nativeFamilyNames]));
    const column = <T>(read: (p: GeneratedPerson, i: number) => T) => people.map(read);
    // Arrays of arrays do not pass through unnest one level at a time: keys travel as text joined by '|'.
    await sql`
      INSERT INTO people (id, home_centre_id, given_names, family_names, native_given_names, native_family_names, native_script,
        birth_date, birth_precision, sex, nationalities, name_key, skeleton_keys, phonetic_keys)
      SELECT id, centre, given, family, native_given, native_family, script, birth, 'day', sex, ARRAY[nationality],
        name_key, coalesce(string_to_array(nullif(skeletons, ''), '|'), '{}'), coalesce(string_to_array(nullif(phonetics, ''), '|'), '{}')
      FROM unnest(
        ${sql.val(column((p) => p.id))}::uuid[], ${sql.val(column((p) => p.homeCentreId))}::uuid[],
        ${sql.val(column((p) => p.givenNames))}::text[], ${sql.val(column((p) => p.familyNames))}::text[],
        ${sql.val(column((p) => p.nativeGivenNames))}::text[], ${sql.val(column((p) => p.nativeFamilyNames))}::text[],
        ${sql.val(column((p) => p.nativeScript))}::text[], ${sql.val(column((p) => p.birthDate))}::date[],
        ${sql.val(column((p) => p.sex))}::text[], ${sql.val(column((p) => p.nationality))}::text[],
        ${sql.val(keys.map((k) => k.nameKey))}::text[], ${sql.val(keys.map((k) => k.skeletonKeys.join('|')))}::text[],
        ${sql.val(keys.map((k) => k.phoneticKeys.join('|')))}::text[]
      ) AS g(id, centre, given, family, native_given, native_family, script, birth, sex, nationality, name_key, skeletons, phonetics)`.execute(db);
    onProgress?.(done + people.length);
  }
  return sample;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { openBenchDatabase } = await import('./database.js');
  const { insertCentre, insertNetwork } = await import('./seed.js');
  const count = Number(process.argv[2] ?? 100_000);
  const database = await openBenchDatabase(process.env.DATABASE_URL);
  const networkId = await insertNetwork(database.handle.db);
  const centres = [await insertCentre(database.handle.db, networkId, 'GEN1'), await insertCentre(database.handle.db, networkId, 'GEN2')];
  const startedAt = performance.now();
  await insertGeneratedPeople(database.handle.db, centres, count);
  console.log(`${count} people in ${((performance.now() - startedAt) / 1000).toFixed(1)} s (${database.label})`);
  await database.close();
}
