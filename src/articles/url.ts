/**
 * Checks a source link. Only absolute http(s) links (which always have a host) without credentials are accepted,
 * because the link is shown to Discord users as a clickable source.
 * @returns the normalised URL, or the reason it is rejected.
 */
export function checkSourceUrl(raw: string): { ok: true; url: string } | { ok: false; reason: string } {
  const text = raw.trim().replace(/^<(.*)>$/, "$1");
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { ok: false, reason: `source URL "${clip(text)}" is not a valid absolute URL` };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return { ok: false, reason: `source URL uses ${parsed.protocol} (only http and https are allowed)` };
  }
  if (parsed.username || parsed.password) return { ok: false, reason: "source URL contains credentials" };
  return { ok: true, url: parsed.href };
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
