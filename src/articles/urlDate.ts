/**
 * The date a source link carries, as many news sites put it in their paths: `/2025/11/03/`,
 * `...-2025-11-03/`, `/20251103/`. A path with a year and month only (`/2025/10/`) gives no date: the day
 * would be made up.
 */
const PATTERNS = [
  /[/_-](20\d{2})[/_-](0[1-9]|1[0-2])[/_-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/,
  /\/(20\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\//,
];

/** The YYYY-MM-DD date in a URL's path, or null. */
export function dateInUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  for (const pattern of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    if (!Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date)) return date;
  }
  return null;
}
