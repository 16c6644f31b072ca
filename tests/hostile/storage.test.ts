import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNewsdesk } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { markdownArticle } from "../helpers/articles.js";
import { startBotProcess } from "../helpers/botProcess.js";
import { finalReply } from "../e2e/replies.js";
import { ALL_PERMISSIONS, snowflake, startStandin, type Standin } from "../e2e/standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.storage-test-token-not-real-0000000000";
let standin: Standin;
const channel = snowflake();

beforeAll(async () => {
  standin = await startStandin({ channelIds: [channel] });
});
afterAll(async () => {
  await standin?.close();
});

describe("storage that fails", () => {
  it("stops at start-up with a clear message when DATA_DIR cannot hold the database, once", async () => {
    const notAFolder = path.join(mkdtempSync(path.join(tmpdir(), "newsdesk-bad-data-")), "file");
    writeFileSync(notAFolder, "this is a file, not a folder");
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standin.apiUrl, DATA_DIR: notAFolder, CORPUS_DIR: "corpus" });
    expect(await bot.exited).toBe(1);
    const output = bot.output();
    expect(output).toMatch(/cannot open the database in DATA_DIR \(.*file\)/);
    expect(output).not.toContain(TOKEN);
  }, 30_000);

  it("stops at start-up with a clear message when DATABASE_URL cannot be reached, password masked, no stack trace", async () => {
    const bot = startBotProcess({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standin.apiUrl, DATA_DIR: mkdtempSync(path.join(tmpdir(), "newsdesk-pg-down-")), CORPUS_DIR: "corpus", DATABASE_URL: "postgres://newsdesk:s3cret-pw@127.0.0.1:1/newsdesk" });
    expect(await bot.exited).toBe(1);
    const output = bot.output();
    expect(output).toMatch(/cannot connect to the database in DATABASE_URL \(postgres:\/\/newsdesk:\*\*\*@127\.0\.0\.1:1\/newsdesk\)/);
    expect(output).not.toContain("s3cret-pw");
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain(TOKEN);
  }, 30_000);

  it("keeps a new article while the database cannot be written, and posts it once it can", async () => {
    const corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-full-corpus-"));
    const dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-full-data-"));
    let log = "";
    const logger = createLogger("info", new Writable({ write(chunk, _e, done) { log += chunk; done(); } }));
    const newsdesk = await startNewsdesk({ corpusDir, dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger, watch: { debounceMs: 30, retryMs: 50 }, rest: { globalRequestsPerSecond: 1e6 } });
    try {
      while (!newsdesk.client.isReady()) await new Promise((resolve) => setTimeout(resolve, 10));
      await finalReply(standin, standin.slashCommand("subscribe", [{ name: "channel", type: 7, value: channel }], { memberPermissions: ALL_PERMISSIONS }));
      // Every write now fails, as on a read-only or full disk.
      newsdesk.database.sqlite!.pragma("query_only = ON");
      writeFileSync(path.join(corpusDir, "big-news.md"), markdownArticle({ title: "News Written To A Full Disk", keyPoints: Array.from({ length: 7 }, (_, i) => `Point ${i} ${"detail ".repeat(300)}`) }));
      while (!log.includes("could not take a corpus file")) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(log).toMatch(/readonly database/);
      expect(standin.messagesIn(channel)).toEqual([]);
      newsdesk.database.sqlite!.pragma("query_only = OFF");
      const deadline = Date.now() + 10_000;
      while (standin.messagesIn(channel).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(standin.messagesIn(channel).map((m) => m.embeds[0].title)).toEqual(["News Written To A Full Disk"]);
    } finally {
      await newsdesk.stop();
      rmSync(corpusDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
