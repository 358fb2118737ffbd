/**
 * signatureTimestamp parsing: an xs:dateTime that must name UTC explicitly (Z or +00:00), because the
 * signing time decides certificate validity and a local time without offset would be ambiguous.
 */

const UTC_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]00:00)$/;

/** The instant a UTC xs:dateTime names, or undefined when the text is not one (or names no real date). */
export function parseUtcDateTime(text: string | undefined): Date | undefined {
  const m = text === undefined ? null : UTC_DATE_TIME.exec(text);
  if (!m) {
    return undefined;
  }
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  const t = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const d = new Date(t);
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches impossible dates and times.
  if (
    d.getUTCFullYear() !== year ||
    d.getUTCMonth() !== month - 1 ||
    d.getUTCDate() !== day ||
    d.getUTCHours() !== hour ||
    d.getUTCMinutes() !== minute ||
    d.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return d;
}

/** Formats a signing time the way the real senders do (UTC with Z). */
export function formatUtcDateTime(d: Date): string {
  return d.toISOString();
}
