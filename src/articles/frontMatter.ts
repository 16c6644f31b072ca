import { parse as parseYaml } from "yaml";

/** The fields of YAML front matter that the parser reads; everything else is ignored. */
export interface FrontMatter {
  id?: string;
  title?: string;
  url?: string;
  date?: string;
  tags?: string[];
}

export type FrontMatterResult = { ok: true; fields: FrontMatter; body: string } | { ok: false; reason: string };

const OPENING = /^---[ \t]*\n/;
const CLOSING = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/** Splits optional YAML front matter (between `---` lines at the very top) from the body. */
export function splitFrontMatter(text: string): FrontMatterResult {
  if (!OPENING.test(text)) return { ok: true, fields: {}, body: text };
  const rest = text.replace(OPENING, "");
  const end = CLOSING.exec(`\n${rest}`);
  if (!end) return { ok: false, reason: "front matter starts with --- but is never closed" };
  const yamlText = rest.slice(0, Math.max(0, end.index - 1));
  const body = rest.slice(end.index - 1 + end[0].length);
  let data: unknown;
  try {
    data = parseYaml(yamlText, { maxAliasCount: 10, prettyErrors: false });
  } catch (error) {
    return { ok: false, reason: `front matter is not valid YAML (${firstLine(error)})` };
  }
  if (data === null || data === undefined) return { ok: true, fields: {}, body };
  if (typeof data !== "object" || Array.isArray(data)) return { ok: false, reason: "front matter is not a key: value map" };
  return { ok: true, fields: readFields(data as Record<string, unknown>), body };
}

function readFields(data: Record<string, unknown>): FrontMatter {
  const fields: FrontMatter = {};
  const text = (value: unknown): string | undefined =>
    typeof value === "string" || typeof value === "number" ? String(value).trim() || undefined : undefined;
  fields.id = text(data.id);
  fields.title = text(data.title);
  fields.url = text(data.source) ?? text(data.url) ?? text(data.link);
  fields.date = readDate(data.date);
  fields.tags = readTags(data.tags);
  return fields;
}

function readDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== "string") return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim());
  if (!match) return undefined;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

function readTags(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  const tags = items
    .filter((item): item is string | number => typeof item === "string" || typeof item === "number")
    .map((item) => String(item).trim().toLowerCase())
    .filter(Boolean);
  return tags.length ? [...new Set(tags)] : undefined;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0]!.slice(0, 120);
}
