/**
 * Finnish working days, for the deployment-test report's deadline: the report goes to Kela within two
 * working days of the test (SHA-SPEC section 1). Holidays are computed from rules, never listed by year,
 * so the deadline is right in any year without a data update.
 */

/** A calendar date without a time zone (the test's local date in Finland). */
export interface CalendarDate {
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  readonly day: number;
}

/** A public holiday on which Finnish offices are closed. */
export interface Holiday extends CalendarDate {
  readonly fi: string;
  readonly en: string;
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
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
  return { year, month, day };
}

/** Date arithmetic in UTC, so that no local zone or daylight-saving shift can move a day. */
function toUtc(d: CalendarDate): Date {
  return new Date(Date.UTC(d.year, d.month - 1, d.day));
}
function fromUtc(d: Date): CalendarDate {
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The date `days` days after `d` (negative: before). */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  return fromUtc(new Date(toUtc(d).getTime() + days * 86_400_000));
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(d: CalendarDate): number {
  return toUtc(d).getUTCDay();
}

/** The first date in [from, from + 6] falling on `wd` (0 = Sunday ... 6 = Saturday). */
function weekdayInWeekFrom(year: number, month: number, fromDay: number, wd: number): CalendarDate {
  const start: CalendarDate = { year, month, day: fromDay };
  return addDays(start, (wd - weekday(start) + 7) % 7);
}

/**
 * Finnish public holidays of a year, including Midsummer Eve and Christmas Eve, which are not statutory
 * holidays but on which offices are closed (so nobody can be expected to send a report on them).
 */
export function finnishHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, fi: string, en: string): Holiday => ({
    year,
    month,
    day,
    fi,
    en,
  });
  const rel = (d: CalendarDate, fi: string, en: string): Holiday => ({ ...d, fi, en });
  const holidays: Holiday[] = [
    fixed(1, 1, 'Uudenvuodenpäivä', "New Year's Day"),
    fixed(1, 6, 'Loppiainen', 'Epiphany'),
    rel(addDays(easter, -2), 'Pitkäperjantai', 'Good Friday'),
    rel(addDays(easter, 1), 'Toinen pääsiäispäivä', 'Easter Monday'),
    fixed(5, 1, 'Vappu', 'May Day'),
    rel(addDays(easter, 39), 'Helatorstai', 'Ascension Day'),
    // Midsummer Eve is the Friday between 19 and 25 June; Midsummer Day the Saturday 20-26 June.
    rel(weekdayInWeekFrom(year, 6, 19, 5), 'Juhannusaatto', 'Midsummer Eve'),
    rel(weekdayInWeekFrom(year, 6, 20, 6), 'Juhannuspäivä', 'Midsummer Day'),
    // All Saints' Day: the Saturday between 31 October and 6 November.
    rel(weekdayInWeekFrom(year, 10, 31, 6), 'Pyhäinpäivä', "All Saints' Day"),
    fixed(12, 6, 'Itsenäisyyspäivä', 'Independence Day'),
    fixed(12, 24, 'Jouluaatto', 'Christmas Eve'),
    fixed(12, 25, 'Joulupäivä', 'Christmas Day'),
    fixed(12, 26, 'Tapaninpäivä', 'Boxing Day'),
  ];
  return holidays.sort((x, y) => toUtc(x).getTime() - toUtc(y).getTime());
}

/** The holiday falling on `d`, if any. */
export function holidayOn(d: CalendarDate): Holiday | undefined {
  return finnishHolidays(d.year).find((h) => h.month === d.month && h.day === d.day);
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(d: CalendarDate): boolean {
  const wd = weekday(d);
  return wd !== 0 && wd !== 6 && holidayOn(d) === undefined;
}

/** The `n`th working day after `d` (the day of `d` itself never counts). */
export function addWorkingDays(d: CalendarDate, n: number): CalendarDate {
  let current = d;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) {
      left -= 1;
    }
  }
  return current;
}

/** The calendar date of an instant in a time zone (default Europe/Helsinki, where the test takes place). */
export function calendarDateIn(instant: Date, timeZone = 'Europe/Helsinki'): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** `YYYY-MM-DD`. */
export function isoDate(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** `D.M.YYYY`, as Finnish documents write dates. */
export function finnishDate(d: CalendarDate): string {
  return `${d.day}.${d.month}.${d.year}`;
}

/** The report deadline: two working days after the test day, in Finnish time. */
export function reportDeadline(testedAt: Date, timeZone = 'Europe/Helsinki'): CalendarDate {
  return addWorkingDays(calendarDateIn(testedAt, timeZone), 2);
}
