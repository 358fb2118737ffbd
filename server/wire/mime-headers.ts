/**
 * MIME header sections read the way Jakarta Mail's InternetHeaders.load reads them, because the real
 * archive is a Java system (SHA-SPEC section 3 [S]): the section ends at the first empty line (a line of
 * blanks is not empty: it continues the previous header), a line starting with a blank continues the
 * previous header, and a line without a colon does not end the section: it becomes a "header" named by
 * the whole line, which no reader asks for. Such lines are reported, since RFC 5322 does not allow them.
 */

export interface MimeHeaders {
  /** The first value of a header (Jakarta's getHeader(name, null)), unfolded; case-insensitive name. */
  get(name: string): string | undefined;
  /** Header lines without a colon, as written. */
  readonly invalidLines: readonly string[];
}

/** Splits text into lines at CRLF, CR or LF, as Jakarta's LineInputStream does. */
export function mimeLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * Reads a header section starting at `lines[start]`. Returns the headers and the index of the first body
 * line (after the empty line), or lines.length when the text ended inside the section.
 */
export function readMimeHeaders(
  lines: readonly string[],
  start: number,
): { headers: MimeHeaders; next: number } {
  const entries: { name: string; value: string }[] = [];
  const invalidLines: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') {
      break;
    }
    const last = entries[entries.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) {
      invalidLines.push(line);
      entries.push({ name: line.trim().toLowerCase(), value: line });
      continue;
    }
    entries.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
  }
  const headers: MimeHeaders = {
    get: (name) => entries.find((e) => e.name === name.toLowerCase())?.value,
    invalidLines,
  };
  return { headers, next: i < lines.length ? i + 1 : i };
}

/**
 * Whether the text starts with a header section: a header field (a line with a colon) comes before the
 * first empty line and before the first line starting with `--`. A text that starts with its first
 * delimiter line, or with lines that are no header fields (preamble, bare Base64), has none. Indented
 * lines only continue the line above them, so they decide nothing.
 */
export function startsWithHeaderSection(lines: readonly string[]): boolean {
  for (const line of lines) {
    if (line === '' || line.startsWith('--')) {
      return false;
    }
    if (!/^[ \t]/.test(line) && line.includes(':')) {
      return true;
    }
  }
  return false;
}

/** A parameter of a structured header value (quoted or token), like Jakarta's ContentType.getParameter. */
export function headerParam(value: string, name: string): string | undefined {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2]) : undefined;
}
