import { describe, expect, it } from "vitest";
import {
  formatKstDate,
  formatKstDateTime,
  formatKstTime,
  fromKstInputValue,
  toKstInputValue,
  toKstIso,
} from "./date";

describe("test environment", () => {
  it("runs under a non-UTC time zone, so KST output cannot come from the runtime zone", () => {
    expect(process.env.TZ).toBe("America/Los_Angeles");
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/Los_Angeles");
    // 12:17 UTC is 05:17 PDT in September.
    expect(new Date("2021-09-16T12:17:00Z").getHours()).toBe(5);
    expect(new Date("2021-09-16T12:17:00Z").getTimezoneOffset()).toBe(420);
  });
});

describe("formatKstDateTime", () => {
  it('prints the house style, "Sept" for September, in KST', () => {
    expect(formatKstDateTime("2021-09-16T12:17:00Z")).toBe("Sept 16, 2021 - 21:17");
  });

  it("moves to the next KST day (and year) when UTC is still on the previous one", () => {
    expect(formatKstDateTime("2021-12-31T15:30:00Z")).toBe("Jan 1, 2022 - 00:30");
    expect(formatKstDateTime("2021-12-31T14:59:00Z")).toBe("Dec 31, 2021 - 23:59");
  });

  it("prints May as May and pads hours and minutes", () => {
    expect(formatKstDateTime("2020-05-04T23:05:00Z")).toBe("May 5, 2020 - 08:05");
  });

  it("accepts an instant given with an offset", () => {
    expect(formatKstDateTime("2021-09-16T21:17:00+09:00")).toBe("Sept 16, 2021 - 21:17");
  });

  it("uses the months it is given", () => {
    const months = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
    expect(formatKstDateTime("2021-09-16T12:17:00Z", months)).toBe("9 16, 2021 - 21:17");
  });

  it("throws RangeError on input that is not a date", () => {
    expect(() => formatKstDateTime("not a date")).toThrow(RangeError);
    expect(() => formatKstDateTime("")).toThrow(RangeError);
    expect(() => formatKstDateTime("2021-13-01T00:00:00Z")).toThrow(RangeError);
  });

  it("refuses a date-time without a zone instead of reading it in the runtime's zone", () => {
    expect(() => formatKstDateTime("2021-09-16T12:17:00")).toThrow(RangeError);
    expect(() => formatKstDateTime("Sept 16 2021")).toThrow(RangeError);
    expect(() => toKstIso("2021-09-16")).toThrow(RangeError);
  });
});

describe("formatKstDate and formatKstTime", () => {
  it("print the KST date and the KST time of day", () => {
    expect(formatKstDate("2021-12-31T15:30:00Z")).toBe("Jan 1, 2022");
    expect(formatKstTime("2021-12-31T15:30:00Z")).toBe("00:30");
    expect(formatKstTime("2021-09-16T12:17:00Z")).toBe("21:17");
  });

  it("throw RangeError on input that is not a date", () => {
    expect(() => formatKstDate("nope")).toThrow(RangeError);
    expect(() => formatKstTime("nope")).toThrow(RangeError);
  });
});

describe("toKstIso", () => {
  it("gives the instant with the +09:00 offset", () => {
    expect(toKstIso("2021-09-16T12:17:00Z")).toBe("2021-09-16T21:17:00+09:00");
    expect(toKstIso("2021-12-31T15:30:45.123Z")).toBe("2022-01-01T00:30:45+09:00");
  });

  it("throws RangeError on input that is not a date", () => {
    expect(() => toKstIso("2021-09-16Tnoon")).toThrow(RangeError);
  });
});

describe("KST datetime-local values", () => {
  it("shows a UTC instant as the KST wall-clock time of a datetime-local field", () => {
    expect(toKstInputValue("2021-09-16T12:17:00Z")).toBe("2021-09-16T21:17");
    // Past midnight in Seoul: the KST date is the next day.
    expect(toKstInputValue("2024-12-31T15:30:00.000Z")).toBe("2025-01-01T00:30");
  });

  it("reads a datetime-local value as KST and stores UTC, whatever the runtime's zone", () => {
    expect(fromKstInputValue("2021-09-16T21:17")).toBe("2021-09-16T12:17:00.000Z");
    expect(fromKstInputValue("2025-01-01T00:30")).toBe("2024-12-31T15:30:00.000Z");
  });

  it("round-trips", () => {
    const iso = "2026-03-08T01:05:00.000Z"; // a US daylight-saving change day: no effect on KST
    expect(fromKstInputValue(toKstInputValue(iso))).toBe(iso);
  });

  it.each(["", "2021-09-16", "2021-02-30T10:00", "2021-13-01T10:00", "2021-09-16T24:00", "soon"])(
    "refuses %j",
    (value) => {
      expect(fromKstInputValue(value)).toBeNull();
    },
  );
});
