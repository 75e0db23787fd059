/** Portugal's national public holidays, with the movable feasts computed from Easter. */

export interface Holiday {
  date: string;
  label: string;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const FIXED: [month: number, day: number, label: string][] = [
  [1, 1, 'Ano Novo'],
  [4, 25, 'Dia da Liberdade'],
  [5, 1, 'Dia do Trabalhador'],
  [6, 10, 'Dia de Portugal, de Camões e das Comunidades Portuguesas'],
  [8, 15, 'Assunção de Nossa Senhora'],
  [10, 5, 'Implantação da República'],
  [11, 1, 'Dia de Todos os Santos'],
  [12, 1, 'Restauração da Independência'],
  [12, 8, 'Imaculada Conceição'],
  [12, 25, 'Natal'],
];

/** The national holidays of a year, in date order. */
export function portugueseHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    ...FIXED.map(([month, day, label]) => ({ date: `${year}-${pad(month)}-${pad(day)}`, label })),
    { date: shift(easter, -2), label: 'Sexta-feira Santa' },
    { date: easter, label: 'Páscoa' },
    { date: shift(easter, 60), label: 'Corpo de Deus' },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}
