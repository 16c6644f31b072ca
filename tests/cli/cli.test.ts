import { spawn } from "node:child_process";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { mkdtempSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cliSnapshotFile, runCli } from "../../src/cli/run.js";
import { makeCorpus, markdownArticle } from "../helpers/articles.js";

/** The command keeps its index snapshot in DATA_DIR: a folder of this test file's own. */
const dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-cli-"));

async function cli(args: string[], input?: string) {
  let stdout = "";
  let stderr = "";
  const stdin = Object.assign(Readable.from(input === undefined ? [] : [input]), { isTTY: input === undefined });
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stdin, env: { DATA_DIR: dataDir } });
  return { code, stdout, stderr };
}

describe("newsdesk ask / deal / summary / latest", () => {
  it("answers a question as readable text with the source link", async () => {
    const { code, stdout } = await cli(["ask", "who", "is", "supplying", "the", "GPUs", "for", "OpenAI's", "Amazon", "deal?"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OpenAI Commits \$38 Billion to Amazon Web Services/);
    expect(stdout).toMatch(/https:\/\//);
    expect(stdout).toMatch(/^• /m);
  });

  it("prints the documented JSON shapes", async () => {
    const ask = JSON.parse((await cli(["ask", "Nvidia Intel stake", "--json", "--limit", "2"])).stdout);
    expect(Object.keys(ask)).toEqual(["query", "results"]);
    expect(ask.results).toHaveLength(2);
    expect(Object.keys(ask.results[0])).toEqual(["id", "title", "url", "score", "keyPoints"]);

    const deal = JSON.parse((await cli(["deal", "OpenAI", "--json"])).stdout);
    expect(Object.keys(deal.deals[0])).toEqual(["id", "title", "url", "date", "parties", "amount", "kind", "role", "keyPoints"]);
    expect(deal.deals[0].parties).toContain("OpenAI");

    const summary = JSON.parse((await cli(["summary", "AWS compute deal", "--json"])).stdout);
    expect(Object.keys(summary.article)).toEqual(["id", "title", "url", "date", "summary", "keyPoints"]);
    expect(summary.alternatives[0]).toEqual({ id: expect.any(String), title: expect.any(String), url: expect.any(String) });

    const latest = JSON.parse((await cli(["latest", "--limit", "5", "--json"])).stdout);
    expect(latest.articles).toHaveLength(5);
    expect(Object.keys(latest.articles[0])).toEqual(["id", "title", "url", "date"]);
  });

  it("says so when nothing matches, and that is not an error", async () => {
    const { code, stdout } = await cli(["ask", "zebra xylophone quidditch"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/No article matches “zebra xylophone quidditch”/);
  });
});

describe("the index kept between runs", () => {
  it("is kept in DATA_DIR, else in ./data as the bot keeps it", () => {
    expect(cliSnapshotFile({ DATA_DIR: "/srv/newsdesk" })).toBe(path.resolve("/srv/newsdesk/index.snapshot"));
    expect(cliSnapshotFile({})).toBe(path.resolve("data", "index.snapshot"));
  });

  it("is written by the first run and read by the next, which answers alike", async () => {
    const corpusDir = makeCorpus({ "one.md": markdownArticle({ title: "Quillfeather buys Brightmoss" }) });
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(path.join(corpusDir, "one.md"), hourAgo, hourAgo); // settled: a file written just before a snapshot is read again
    const snapshotDir = mkdtempSync(path.join(tmpdir(), "newsdesk-cli-"));
    const run = async () => {
      let stdout = "";
      const stdin = Object.assign(Readable.from([]), { isTTY: true });
      await runCli(["ask", "Quillfeather", "--json", "--corpus", corpusDir], { stdout: (t) => (stdout += t), stderr: () => undefined, stdin, env: { DATA_DIR: snapshotDir } });
      return stdout;
    };
    const first = await run();
    const written = statSync(path.join(snapshotDir, "index.snapshot")).mtimeMs;
    expect(await run()).toBe(first);
    expect(statSync(path.join(snapshotDir, "index.snapshot")).mtimeMs).toBe(written); // used as it was, not built again
  });
});

describe("bad usage is a clear error with exit code 2", () => {
  it.each([
    [["frobnicate"], /unknown command "frobnicate"/],
    [[], /missing command/],
    [["ask", "x", "--limit", "zero"], /--limit must be a whole number/],
    [["ask", "x", "--bogus"], /Unknown option '--bogus'/],
    [["latest", "extra"], /takes no query/],
    [["ask"], /"ask" needs a query/],
    [["ask", "?!"], /Please give a question/],
    [["ask", "x", "--corpus", "/nonexistent/dir"], /cannot read the corpus folder/],
  ])("newsdesk %j", async (args, message) => {
    const { code, stderr } = await cli(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});

describe("newsdesk check", () => {
  it("passes on the bundled corpus", async () => {
    const { code, stdout } = await cli(["check"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ articles loaded, 0 bad files/);
  });

  it("lists every bad file with its reason and exits 1", async () => {
    const dir = makeCorpus({ "good.md": markdownArticle(), "empty.md": "", "nolink.md": markdownArticle({ source: "ftp://x.org/a" }) });
    const { code, stdout } = await cli(["check", "--corpus", dir]);
    expect(code).toBe(1);
    expect(stdout).toContain("empty.md: file is empty");
    expect(stdout).toMatch(/nolink\.md: source URL uses ftp:/);
    expect(stdout).toMatch(/1 articles loaded, 2 bad files/);
  });

  it("warns about bad files on stderr while answering from the good ones", async () => {
    const dir = makeCorpus({ "good.md": markdownArticle(), "empty.md": "" });
    const { code, stdout, stderr } = await cli(["ask", "Acme robots", "--corpus", dir]);
    expect(code).toBe(0);
    expect(stderr).toBe("warning: skipped empty.md: file is empty\n");
    expect(stdout).toMatch(/Acme Robotics/);
  });
});

describe("batch mode", () => {
  it("answers each input line with one JSON line, in order", async () => {
    const { code, stdout } = await cli(["deal"], "OpenAI\n\nAntropic\n");
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((l) => l.query ?? "")).toEqual(["OpenAI", "", "Antropic"]);
    expect(lines[1].error).toMatch(/Please give a company or topic/);
    expect(lines[2].deals[0].parties).toContain("Anthropic");
  });

  it("answers each line as soon as it is read, so another program can converse with it", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "ask"], { stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, DATA_DIR: dataDir } });
    const lines: string[] = [];
    let buffer = "";
    const nextLine = () => new Promise<string>((resolve) => {
      const check = () => {
        const at = buffer.indexOf("\n");
        if (at >= 0) {
          const line = buffer.slice(0, at);
          buffer = buffer.slice(at + 1);
          resolve(line);
        } else child.stdout.once("data", (chunk) => { buffer += chunk; check(); });
      };
      check();
    });
    child.stdin.write("Nvidia Intel stake\n");
    lines.push(await nextLine());
    child.stdin.write("Wiz acquisition\n");
    lines.push(await nextLine());
    child.stdin.end();
    await new Promise((resolve) => child.on("close", resolve));
    expect(JSON.parse(lines[0]!).results[0].id).toBe("nvidia-intel-5bn-stake-chip-partnership");
    expect(JSON.parse(lines[1]!).results[0].id).toBe("google-wiz-acquisition-32bn");
  }, 20_000);
});
