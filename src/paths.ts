import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The corpus shipped with Newsdesk (the package's own `corpus/` folder). */
export const BUNDLED_CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "corpus");

/** The corpus folder to use: the one named, else `./corpus` where it exists, else the bundled one. */
export function resolveCorpusDir(named?: string): string {
  if (named) return path.resolve(named);
  const local = path.resolve("corpus");
  return existsSync(local) ? local : BUNDLED_CORPUS;
}
