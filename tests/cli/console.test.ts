import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsole } from "../../src/cli/console.js";
import { parseConsoleLine } from "../../src/cli/consoleInput.js";
import { bundledIndex } from "../helpers/corpus.js";

const index = await bundledIndex();

async function session(lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk) => (text += chunk));
  const done = runConsole(() => index, { input, output, terminal: false });
  input.end(lines.map((line) => `${line}\n`).join(""));
  await done;
  return text;
}

describe("the local console", () => {
  it("runs the slash commands and prints the replies as text", async () => {
    const text = await session(["/deal Nvidia Intel stake", "/summary AWS compute deal", "/latest 2"]);
    expect(text).toMatch(/Nvidia Buys a \$5 Billion Slice of Intel.*\nhttps:\/\/\S+\nInvestment · Nvidia ↔ Intel · \$5 Billion/);
    expect(text).toMatch(/OpenAI Commits \$38 Billion to Amazon Web Services/);
    expect(text).toMatch(/Latest articles\n• .+\n• .+\n/);
  });

  it("answers a bare question like /ask and pages long answers", async () => {
    const text = await session(["who bought Wiz?", "/deal OpenAI", "/next"]);
    expect(text).toMatch(/Alphabet Agrees to Buy Cloud Security Startup Wiz/);
    expect(text).toMatch(/\(page 1 of \d: \/next, \/prev\)/);
    expect(text).toMatch(/\(page 2 of \d: \/next, \/prev\)/);
  });

  it("explains unknown commands and missing options, and stops at /quit", async () => {
    const text = await session(["/frobnicate", "/ask", "/quit", "/latest"]);
    expect(text).toMatch(/Unknown command \/frobnicate/);
    expect(text).toMatch(/\/ask needs question, for example/);
    expect(text).not.toMatch(/Latest articles/);
  });
});

describe("reading a console line", () => {
  it("fills the first text option with free text and reads name:value options", () => {
    const { command, input } = parseConsoleLine("/latest count:3 private:true");
    expect(command.definition.name).toBe("latest");
    expect(input.integer("count")).toBe(3);
    expect(input.boolean("private")).toBe(true);
    expect(parseConsoleLine("/ask question:who is building Stargate?").input.string("question")).toBe("who is building Stargate?");
    expect(parseConsoleLine("/latest 7").input.integer("count")).toBe(7);
  });

  it("explains a count that is not a number", () => {
    expect(() => parseConsoleLine("/latest count:lots").input.integer("count")).toThrow(/count must be a whole number/);
  });
});
