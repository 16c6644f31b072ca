// `npm run start:sharded`: discord.js's ShardingManager starting one Newsdesk process per shard.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdownArticle } from "../helpers/articles.js";
import { freshPostgresUrl } from "../helpers/postgres.js";
import { finalReply } from "./replies.js";
import { startStandin, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.sharded-test-token-not-real-0000000000";
let standin: Standin;
let corpusDir: string;
let dataDir: string;

beforeAll(async () => {
  standin = await startStandin({ shardCount: 2, guilds: [{ shard: 0 }, { shard: 1 }] });
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-sharded-corpus-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-sharded-data-"));
  writeFileSync(path.join(corpusDir, "story.md"), markdownArticle({ title: "Orbital Freight Signs A Launch Deal" }));
});

afterAll(async () => {
  await standin?.close();
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

function startManager(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/sharded.ts"], { env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standin.apiUrl, CORPUS_DIR: corpusDir, DATA_DIR: dataDir, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise<number | null>((resolve) => child.once("exit", resolve)) };
}

describe("npm run start:sharded", () => {
  it("starts one process per shard, as many as Discord recommends, each answering its own servers", async () => {
    const manager = startManager({ DATABASE_URL: await freshPostgresUrl() });
    const deadline = Date.now() + 90_000;
    while (standin.connectedShards().length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(standin.connectedShards()).toEqual([0, 1]);
    expect(standin.identifiesByShard).toEqual([1, 1]);
    for (const guild of standin.guilds) {
      const sent = standin.slashCommand("summary", [{ name: "topic", type: 3, value: "orbital freight launch" }], { guildId: guild.id });
      expect(JSON.stringify((await finalReply(standin, sent)).data)).toContain("Orbital Freight Signs A Launch Deal");
    }
    manager.child.kill("SIGTERM");
    expect(await manager.exited).toBe(0);
    expect(manager.output()).not.toContain(TOKEN);
  }, 120_000);

  it("refuses to run several processes without a shared database, saying what to do", async () => {
    const manager = startManager({ DATABASE_URL: "" });
    expect(await manager.exited).toBe(2);
    expect(manager.output()).toMatch(/DATABASE_URL is not set: processes share their state in PostgreSQL/);
  });
});
