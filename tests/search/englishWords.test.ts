import { describe, expect, it } from "vitest";
import { englishWords, WordList } from "../../src/search/englishWords.js";

const list = (text: string) => new WordList(Buffer.from(text, "latin1"));

describe("a word list", () => {
  it("holds exactly its words: not their prefixes, extensions or neighbours in the file", () => {
    const words = list("start\nstarted\nstar\n\nzebra");
    for (const word of ["start", "started", "star", "zebra"]) expect(words.has(word), word).toBe(true);
    for (const word of ["sta", "starte", "startedx", "zebr", "zebras", "", "tart", "start\nstarted"]) expect(words.has(word), JSON.stringify(word)).toBe(false);
    expect(words.size).toBe(4);
  });

  it("answers as a Set of its words would, over many words sharing hash slots", () => {
    const model = new Set<string>();
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 26));
    for (let i = 0; i < 3_000; i++) model.add(Array.from({ length: 2 + (i % 9) }, letter).join(""));
    const words = list([...model].join("\n") + "\n");
    expect(words.size).toBe(model.size);
    for (const word of model) expect(words.has(word)).toBe(true);
    for (let i = 0; i < 3_000; i++) {
      const probe = Array.from({ length: 2 + (i % 9) }, letter).join("");
      expect(words.has(probe), probe).toBe(model.has(probe));
    }
  });

  it("of English has the language's words and inflections, not typos", () => {
    for (const word of ["slice", "pocket", "started", "graphics", "layoffs"]) expect(englishWords().has(word), word).toBe(true);
    for (const word of ["startted", "marh", "diveest", "nvidia", "Slice"]) expect(englishWords().has(word), word).toBe(false);
  });
});
