import { formatKstDateTime, formatKstTime, toKstIso } from "@/lib/format/date";

type Props = {
  /** An ISO 8601 instant with a zone (the data layer's UTC strings). */
  iso: string;
  /** "datetime" prints "Sept 16, 2021 - 21:17"; "time" prints "21:17". Both in KST. */
  format?: "datetime" | "time";
  className?: string;
};

/**
 * A `<time>` element in Korea Standard Time, in the publication's house style, with a
 * machine-readable `dateTime` (+09:00) and the full date as a tooltip. Formats with a fixed
 * offset, never the runtime's zone or locale, so server and browser print the same text.
 */
export function KstTime({ iso, format = "datetime", className }: Props) {
  const full = formatKstDateTime(iso);
  return (
    <time dateTime={toKstIso(iso)} title={`${full} KST`} className={className}>
      {format === "time" ? formatKstTime(iso) : full}
    </time>
  );
}
