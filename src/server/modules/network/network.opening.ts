/**
 * Opening hours as calendar arithmetic, with no database: the weekly pattern of a centre, overridden
 * day by day by its calendar exceptions. Days are 'YYYY-MM-DD' strings in the centre's own time zone.
 */

/** The longest range one opening query may cover. */
export const MAX_OPENING_SPAN_DAYS = 366;

export interface WeeklyInterval {
  weekday: number;
  opens: string;
  closes: string;
}

export interface CalendarException {
  date: string;
  kind: 'holiday' | 'closed' | 'special_hours';
  opens: string | null;
  closes: string | null;
  label: string;
}

export interface EffectiveDay {
  date: string;
  /** ISO weekday: 1 is Monday, 7 is Sunday. */
  weekday: number;
  open: boolean;
  source: 'week' | CalendarException['kind'];
  label: string;
  intervals: { opens: string; closes: string }[];
}

const DAY_MS = 86_400_000;

function utcMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date(utcMidnight(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isoWeekday(date: string): number {
  const day = new Date(utcMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * The index of the first interval that starts before another interval of the same weekday has
 * closed, or undefined. Intervals that are themselves reversed are left to their own check.
 */
export function firstOverlap(rows: readonly WeeklyInterval[]): number | undefined {
  const ordered = rows
    .map((row, index) => ({ ...row, index }))
    .filter((row) => row.opens < row.closes)
    .sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens) || a.index - b.index);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1]!;
    const current = ordered[i]!;
    if (previous.weekday === current.weekday && current.opens < previous.closes) return Math.max(previous.index, current.index);
  }
  return undefined;
}

/** The hours of each day from `from` to `to` (both included): an exception replaces that day's pattern. */
export function effectiveDays(week: readonly WeeklyInterval[], exceptions: readonly CalendarException[], from: string, to: string): EffectiveDay[] {
  const byDate = new Map(exceptions.map((exception) => [exception.date, exception]));
  const days: EffectiveDay[] = [];
  for (let offset = 0, count = daysBetween(from, to); offset <= count; offset++) {
    const date = addDays(from, offset);
    const weekday = isoWeekday(date);
    const exception = byDate.get(date);
    if (exception) {
      const intervals = exception.kind === 'special_hours' && exception.opens && exception.closes ? [{ opens: exception.opens, closes: exception.closes }] : [];
      days.push({ date, weekday, open: intervals.length > 0, source: exception.kind, label: exception.label, intervals });
      continue;
    }
    const intervals = week
      .filter((row) => row.weekday === weekday)
      .map((row) => ({ opens: row.opens, closes: row.closes }))
      .sort((a, b) => a.opens.localeCompare(b.opens));
    days.push({ date, weekday, open: intervals.length > 0, source: 'week', label: '', intervals });
  }
  return days;
}

// Building a formatter costs about ten times more than using one: keep one per time zone.
const wallClockFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = wallClockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    wallClockFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar day and wall-clock time ('HH:MM') an instant falls on in a time zone. */
export function localDateTime(timeZone: string, instant: Date = new Date()): { date: string; time: string } {
  const parts = Object.fromEntries(
    wallClockFormatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Whether a day's hours include a wall-clock time ('HH:MM'); closing time itself is outside. */
export function isOpenAt(day: EffectiveDay, time: string): boolean {
  return day.intervals.some((interval) => interval.opens <= time && time < interval.closes);
}

/** Database `time` values come back as 'HH:MM:SS'; the API speaks 'HH:MM'. */
export function hhmm(time: string): string {
  return time.slice(0, 5);
}
