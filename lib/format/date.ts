/**
 * Dates in the publication's house style, in Korea Standard Time.
 *
 * KST is UTC+09:00 all year (Korea has kept no daylight saving time since 1988), so the
 * conversion is a fixed offset: no dependency on the runtime's time zone or locale data,
 * and the server and every browser print the same text (no hydration mismatch).
 */

export const KST_OFFSET_MINUTES = 9 * 60;

/** House style month names: three letters, no period, except "Sept" (seed-publication.json, date_style). */
export const HOUSE_MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sept",
  "Oct",
  "Nov",
  "Dec",
] as const;

type KstParts = { year: number; month: number; day: number; hour: number; minute: number };

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function toKstParts(iso: string): KstParts {
  // Only zoned ISO 8601 strings: a zone-less one would be read in the runtime's own time zone.
  const ms = ISO_WITH_ZONE.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms))
    throw new RangeError(`Not an ISO 8601 date-time with a zone: ${JSON.stringify(iso)}`);
  const kst = new Date(ms + KST_OFFSET_MINUTES * 60_000);
  return {
    year: kst.getUTCFullYear(),
    month: kst.getUTCMonth(),
    day: kst.getUTCDate(),
    hour: kst.getUTCHours(),
    minute: kst.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Formats an instant as the publication prints it: "Sept 16, 2021 - 21:17" (KST, 24-hour clock).
 * Takes an ISO 8601 string with a zone (e.g. "2021-09-16T12:17:00Z"); throws RangeError otherwise.
 */
export function formatKstDateTime(iso: string, months: readonly string[] = HOUSE_MONTHS): string {
  const p = toKstParts(iso);
  return `${months[p.month]} ${p.day}, ${p.year} - ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Sept 16, 2021": the date alone, in KST. Throws RangeError on an unparseable date. */
export function formatKstDate(iso: string, months: readonly string[] = HOUSE_MONTHS): string {
  const p = toKstParts(iso);
  return `${months[p.month]} ${p.day}, ${p.year}`;
}

/** "21:17": the KST time of day, for rails. Throws RangeError on an unparseable date. */
export function formatKstTime(iso: string): string {
  const p = toKstParts(iso);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The instant as an ISO 8601 string with the +09:00 offset, for `<time dateTime>` and structured
 * data: "2021-09-16T21:17:00+09:00". Throws RangeError on an unparseable date.
 */
export function toKstIso(iso: string): string {
  const p = toKstParts(iso);
  const seconds = pad(new Date(Date.parse(iso)).getUTCSeconds());
  return `${p.year}-${pad(p.month + 1)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${seconds}+09:00`;
}

const KST_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The value of an `<input type="datetime-local">` showing the instant in KST: "2021-09-16T21:17".
 * For the newsroom's publication-time fields (entered and shown in KST, stored in UTC). Throws
 * RangeError on an unparseable date.
 */
export function toKstInputValue(iso: string): string {
  const p = toKstParts(iso);
  return `${p.year}-${pad(p.month + 1)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * Reads a `datetime-local` value ("2021-09-16T21:17") as a KST wall-clock time and returns the
 * instant as ISO 8601 UTC ("2021-09-16T12:17:00.000Z"), whatever the runtime's own zone. Returns
 * null for anything else (an empty field, a date that does not exist such as Feb 30).
 */
export function fromKstInputValue(value: string): string | null {
  const m = KST_INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute) - KST_OFFSET_MINUTES * 60_000;
  const check = new Date(ms + KST_OFFSET_MINUTES * 60_000);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return new Date(ms).toISOString();
}
