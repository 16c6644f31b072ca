import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownArticle } from "../helpers/articles.js";
import { finalReply } from "./replies.js";
import { ALL_PERMISSIONS, snowflake, startStandin, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.crash-test-token-not-real-000000000000";
const ARTICLES = 100;
let standin: Standin;
let corpusDir: string;
let dataDir: string;
const channels = Array.from({ length: 5 }, () => snowflake());
const channel = channels[0]!;

function startBot(): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standin.apiUrl, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: "info", POSTS_PER_CHANNEL_PER_HOUR: "1000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output };
}

async function waitFor(check: () => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-crash-corpus-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-crash-data-"));
  writeFileSync(path.join(corpusDir, "seed.md"), markdownArticle({ title: "Seed Article Already There" }));
  standin = await startStandin({ channelIds: channels });
});

afterAll(async () => {
  await standin?.close();
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe("a process killed while posting", () => {
  it("posts every article exactly once to each of five channels after it is restarted", async () => {
    let bot = startBot();
    await waitFor(() => bot.output().includes("connected to Discord"));
    for (const id of channels) {
      const sent = standin.slashCommand("subscribe", [{ name: "channel", type: 7, value: id }], { memberPermissions: ALL_PERMISSIONS });
      await finalReply(standin, sent);
    }

    // Discord answers posts slowly, so the kill lands while requests are in flight and unrecorded.
    standin.delayRoute(new RegExp(`^POST /channels/${channel}/messages$`), 40);
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(corpusDir, `story-${i}.md`), markdownArticle({ title: `Crash Story ${i}`, source: `https://news.example.com/crash-${i}` }));
    let seen = 0;
    const eighth = await standin.waitForRequest((r) => r.method === "POST" && r.path === `/channels/${channel}/messages` && ++seen === 8);
    bot.child.kill("SIGKILL"); // the eighth post is created but its answer has not reached the bot
    await new Promise((resolve) => bot.child.on("exit", resolve));
    const beforeRestart = standin.messagesIn(channel).length;
    expect(beforeRestart).toBeLessThan(ARTICLES);

    bot = startBot();
    await waitFor(() => channels.every((id) => standin.messagesIn(id).length === ARTICLES), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const id of channels) {
      const titles = standin.messagesIn(id).map((m) => m.embeds[0].title);
      expect(titles).toHaveLength(ARTICLES);
      expect(new Set(titles).size).toBe(ARTICLES);
      expect(titles).not.toContain("Seed Article Already There");
    }
    // The post in flight at the kill was sent again after the restart, with the same nonce: Discord kept one.
    const repeats = standin.requests.filter((r) => r.method === "POST" && r.body?.nonce === eighth.body.nonce);
    expect(repeats.length).toBe(2);
    bot.child.kill("SIGTERM");
    expect(await new Promise((resolve) => bot.child.on("exit", resolve))).toBe(0);
  }, 120_000);
});
