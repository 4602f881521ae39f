// Text that reaches a terminal or a message: control characters escaped so one value stays on
// one line, and SSIDs quoted so a quote or backslash inside a name cannot be misread.

/** Makes any string safe to print on one terminal line (control characters as \xHH). */
export function printable(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** `"Bob\"s \\ net"`: an SSID in double quotes, with quote and backslash escaped (unambiguous). */
export function quoted(s: string): string {
  return `"${printable(s.replace(/\\(?!x[0-9a-f]{2})/g, '\\\\').replace(/"/g, '\\"'))}"`;
}
