/**
 * Wall-clock time in a centre's time zone turned into instants, with no database. Slots are defined
 * on the centre's clock ("09:30 on 2030-03-31 in Lisbon") and stored as UTC instants.
 */

// Building a formatter costs far more than using one: keep one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The zone's offset from UTC in whole minutes at the start of a second (seconds since the epoch), as
 * the zone's clock shows it. This asks Intl every time (~4 µs); `offsetMinutes` answers from a cache.
 */
export function measuredOffsetMinutes(timeZone: string, second: number): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(second * 1000));
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let sec = 0;
  for (const part of parts) {
    if (part.type === 'year') year = Number(part.value);
    else if (part.type === 'month') month = Number(part.value);
    else if (part.type === 'day') day = Number(part.value);
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
    else if (part.type === 'second') sec = Number(part.value);
  }
  return Math.round((Date.UTC(year, month - 1, day, hour, minute, sec) - second * 1000) / 60_000);
}

/**
 * Offsets are cached per time zone in cells of six hours. A cell knows the offset at its start and
 * every change inside it, found by bisection to the second whenever the offsets at its two ends
 * differ. The one assumption: a zone never changes its offset and changes it back within one cell
 * (six hours) — no zone's rules do. Cutting 60 days of slots then asks Intl about 300 times instead
 * of about 8,000.
 */
const CELL_SECONDS = 6 * 3600;
/** Cells kept per time zone before the cache starts over (each is a few numbers; ~80 years of cells). */
const MAX_CELLS_PER_ZONE = 120_000;

interface OffsetCell {
  /** Offset (minutes) at the cell's first second… */
  first: number;
  /** …at the first second of the next cell… */
  next: number;
  /** …and every change inside the cell, in order: from `second` on, the offset is `offset`. */
  changes: { second: number; offset: number }[];
}

const offsetCells = new Map<string, Map<number, OffsetCell>>();

function cellOf(timeZone: string, index: number): OffsetCell {
  let cells = offsetCells.get(timeZone);
  if (!cells) {
    cells = new Map();
    offsetCells.set(timeZone, cells);
  }
  const known = cells.get(index);
  if (known) return known;
  const start = index * CELL_SECONDS;
  const end = start + CELL_SECONDS;
  // Neighbouring cells share their boundary's offset: measure it once.
  const first = cells.get(index - 1)?.next ?? measuredOffsetMinutes(timeZone, start);
  const next = cells.get(index + 1)?.first ?? measuredOffsetMinutes(timeZone, end);
  const changes: OffsetCell['changes'] = [];
  let from = start;
  let offset = first;
  // Each round finds the first second after `from` whose offset differs from `offset`.
  while (offset !== next) {
    let low = from;
    let high = end;
    while (high - low > 1) {
      const middle = Math.floor((low + high) / 2);
      if (measuredOffsetMinutes(timeZone, middle) === offset) low = middle;
      else high = middle;
    }
    // A change at the very end belongs to the next cell.
    if (high === end) break;
    offset = measuredOffsetMinutes(timeZone, high);
    changes.push({ second: high, offset });
    from = high;
  }
  if (cells.size >= MAX_CELLS_PER_ZONE) cells.clear();
  const cell = { first, next, changes };
  cells.set(index, cell);
  return cell;
}

const recent: { timeZone: string; index: number; cell: OffsetCell } = { timeZone: '', index: Number.NaN, cell: { first: 0, next: 0, changes: [] } };

/** The zone's offset from UTC in whole minutes at an instant (ms since the epoch), from the cache. */
export function offsetMinutes(timeZone: string, instant: number): number {
  const second = Math.floor(instant / 1000);
  const index = Math.floor(second / CELL_SECONDS);
  // Consecutive calls nearly always fall in the same cell.
  if (index !== recent.index || timeZone !== recent.timeZone) {
    recent.cell = cellOf(timeZone, index);
    recent.index = index;
    recent.timeZone = timeZone;
  }
  const cell = recent.cell;
  let offset = cell.first;
  for (const change of cell.changes) {
    if (second < change.second) break;
    offset = change.offset;
  }
  return offset;
}

/** Minutes since midnight of 'HH:MM[:SS]'; '24:00' is 1440. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':');
  return Number(hours) * 60 + Number(minutes);
}

/** 'HH:MM' of a number of minutes since midnight. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * The instant (ms since the epoch) at which a centre's clock shows `minutes` after midnight of
 * `date`. Two guesses settle the offset across a daylight-saving change; a time skipped by the change
 * lands just after it.
 */
export function instantMsAt(timeZone: string, date: string, minutes: number): number {
  return dayClock(timeZone, date)(minutes);
}

export function instantAt(timeZone: string, date: string, minutes: number): Date {
  return new Date(instantMsAt(timeZone, date, minutes));
}

/** `instantMsAt` for many times of one day: the day's midnight is parsed once. */
export function dayClock(timeZone: string, date: string): (minutes: number) => number {
  const midnight = Date.parse(`${date}T00:00:00Z`);
  return (minutes) => {
    const wall = midnight + minutes * 60_000;
    const first = wall - offsetMinutes(timeZone, wall) * 60_000;
    return wall - offsetMinutes(timeZone, first) * 60_000;
  };
}
