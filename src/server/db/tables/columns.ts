import type { ColumnType } from 'kysely';

/** A timestamptz: read as Date, written as Date or ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A column with a database default. */
export type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: a calendar day as 'YYYY-MM-DD'. */
export type CalendarDate = string;
/** A `time` column: 'HH:MM[:SS]'. */
export type TimeOfDay = string;
export type Json<T> = ColumnType<T, string, string>;

/** Names of something per language code, e.g. { pt: '…', en: '…' }. */
export type LocalisedText = Record<string, string>;
