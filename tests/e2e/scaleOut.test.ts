// Two real Newsdesk processes, one shard each, on one PostgreSQL: the deployment of "Running at scale".
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/store/database.js";
import { wordpressRss } from "../feeds/fixtures.js";
import { startFeedServer, type FeedServer } from "../feeds/feedServer.js";
import { markdownArticle } from "../helpers/articles.js";
import { startBotProcess, type BotProcess } from "../helpers/botProcess.js";
import { freshPostgresUrl } from "../helpers/postgres.js";
import { finalReply } from "./replies.js";
import { ALL_PERMISSIONS, startStandin, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.scale-out-test-token-not-real-00000000";
const ARTICLES = 100;
let standin: Standin;
let feeds: FeedServer;
let database: Database;
let databaseUrl: string;
let corpusDir: string;
const dataDirs: string[] = [];
const bots: BotProcess[] = [];

function startShard(shard: number): BotProcess {
  const dataDir = mkdtempSync(path.join(tmpdir(), `newsdesk-shard-${shard}-`));
  dataDirs.push(dataDir);
  const bot = startBotProcess({
    DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standin.apiUrl, DATABASE_URL: databaseUrl, CORPUS_DIR: corpusDir, DATA_DIR: dataDir,
    SHARDS: String(shard), SHARD_COUNT: "2", FEEDS: feeds.url("/news.xml"), FEED_POLL_MINUTES: "1", POSTS_PER_CHANNEL_PER_HOUR: "1000",
  });
  bots.push(bot);
  return bot;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, state: () => unknown = () => "") {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${JSON.stringify(state())}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const guildOf = (shard: number) => standin.guilds.find((guild) => guild.shard === shard)!;
const ask = (shard: number, question: string) => standin.slashCommand("ask", [{ name: "question", type: 3, value: question }], { guildId: guildOf(shard).id });
const titles = (channelId: string) => standin.messagesIn(channelId).map((m) => m.embeds[0].title as string);
const pendingDeliveries = async () => Number((await database.db.selectFrom("outbox").select((eb) => eb.fn.countAll().as("n")).where("state", "=", "pending").executeTakeFirstOrThrow()).n);

let shard0: BotProcess;
let shard1: BotProcess;

beforeAll(async () => {
  databaseUrl = await freshPostgresUrl();
  standin = await startStandin({ shardCount: 2, guilds: [{ shard: 0, channelCount: 3 }, { shard: 1, channelCount: 3 }] });
  feeds = await startFeedServer();
  feeds.serve("/news.xml", wordpressRss([{ guid: "feed-1", title: "Feed Story Read Once", source: "https://blog.example.org/feed-story", points: ["A feed point about turbines."] }]));
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-scale-out-corpus-"));
  writeFileSync(path.join(corpusDir, "seed.md"), markdownArticle({ title: "Seed Article Already There" }));
  // The first process takes the corpus folder; the second starts once it has, so which one leads is known.
  shard0 = startShard(0);
  await shard0.waitForOutput("became the corpus leader");
  await shard0.waitForOutput("connected to Discord");
  shard1 = startShard(1);
  await shard1.waitForOutput("connected to Discord");
  database = await openDatabase({ databaseUrl, dataDir: ":memory:" });
}, 120_000);

afterAll(async () => {
  for (const bot of bots) if (bot.child.exitCode === null) bot.child.kill("SIGTERM");
  await Promise.all(bots.map((bot) => bot.exited));
  await database?.close();
  await standin?.close();
  await feeds?.close();
  for (const dir of [corpusDir, ...dataDirs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("two processes, one shard each, sharing PostgreSQL", () => {
  it("connect only their own shard and answer their own servers' interactions, none twice", async () => {
    expect(standin.identifiesByShard).toEqual([1, 1]);
    for (const shard of [0, 1]) {
      const sent = ask(shard, "who is supplying OpenAI's chips?");
      expect((await finalReply(standin, sent)).type).toBe(4);
      expect(standin.deliveries.filter((d) => d.t === "INTERACTION_CREATE" && d.id === sent.id).map((d) => d.shard)).toEqual([shard]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(standin.requests.filter((r) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`))).toHaveLength(1);
    }
  });

  it("fetch a feed named in both processes' FEEDS once per interval", async () => {
    await waitFor(() => feeds.hits("/news.xml").requests >= 1, 20_000, "the first poll");
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // both pollers have looked at it by now
    expect(feeds.hits("/news.xml").requests).toBe(1);
    // ...and both answer from it.
    for (const shard of [0, 1]) expect(JSON.stringify((await finalReply(standin, ask(shard, "feed story turbines"))).data)).toContain("Feed Story Read Once");
  });

  it("both answer from a corpus file added to the folder within 2 seconds", async () => {
    const written = Date.now();
    writeFileSync(path.join(corpusDir, "late-news.md"), markdownArticle({ title: "Quasar Robotics Raises Money For Warehouse Arms", keyPoints: ["Quasar Robotics raised $90 million for warehouse arms."] }));
    const answered = [false, false];
    await waitFor(async () => {
      for (const shard of [0, 1]) {
        if (!answered[shard]) answered[shard] = JSON.stringify((await finalReply(standin, ask(shard, "quasar robotics warehouse arms"))).data).includes("Quasar Robotics Raises Money");
      }
      return answered.every(Boolean);
    }, 10_000, "both processes to answer from the new file");
    expect(Date.now() - written).toBeLessThan(2_000);
  });

  it("post 100 articles to six channels on both shards once each, in order, when the leader is killed mid-burst and restarted", async () => {
    const channels = standin.guilds.flatMap((guild) => guild.channelIds);
    for (const guild of standin.guilds) {
      for (const channelId of guild.channelIds) {
        const reply = await finalReply(standin, standin.slashCommand("subscribe", [{ name: "channel", type: 7, value: channelId }], { guildId: guild.id, memberPermissions: ALL_PERMISSIONS }));
        expect(reply.data.embeds[0].title).toBe("Subscribed");
      }
    }
    for (const channelId of channels) standin.delayRoute(new RegExp(`^POST /channels/${channelId}/messages$`), 30);
    for (let i = 0; i < ARTICLES; i++) writeFileSync(path.join(corpusDir, `burst-${i}.md`), markdownArticle({ title: `Burst Story ${i}`, source: `https://news.example.com/burst-${i}` }));
    await waitFor(() => channels.reduce((sum, id) => sum + titles(id).length, 0) >= 60, 60_000, "the burst to begin");

    // The leader (corpus watcher, feeds, a share of the channels) dies without a word.
    const leases = await database.db.selectFrom("channel_leases as l").innerJoin("subscriptions as s", "s.id", "l.subscription_id").select(["l.owner", "s.channel_id"]).execute();
    const held = leases.filter((lease) => lease.owner.includes(`:${shard0.pid}:`)).map((lease) => lease.channel_id);
    const killedAt = Date.now();
    shard0.child.kill("SIGKILL");
    await shard0.exited;
    await shard1.waitForOutput("became the corpus leader", 10_000);
    await waitFor(() => channels.every((id) => titles(id).length >= ARTICLES), 150_000, "every channel to have every article", () => ({ counts: channels.map((id) => titles(id).length), survivor: shard1.output().split("\n").filter((line) => !line.includes('"msg":"posted"')).slice(-30) }));
    const resumedAt = held.map((channelId) => standin.requests.find((r) => r.method === "POST" && r.path === `/channels/${channelId}/messages` && performance.timeOrigin + r.at > killedAt));
    for (const request of resumedAt) if (request) expect(performance.timeOrigin + request.at - killedAt).toBeLessThan(30_000);

    // The killed process comes back and doubles nothing.
    shard0 = startShard(0);
    await shard0.waitForOutput("connected to Discord");
    await waitFor(async () => (await pendingDeliveries()) === 0, 30_000, "the outbox to empty");
    await new Promise((resolve) => setTimeout(resolve, 6_000)); // a poll of both senders
    const order = (await database.db.selectFrom("articles").select("id").where("id", "like", "burst-%").orderBy("seq").execute()).map((row) => `Burst Story ${row.id.slice("burst-".length)}`);
    expect(order).toHaveLength(ARTICLES);
    for (const channelId of channels) {
      const posted = titles(channelId).filter((title) => title.startsWith("Burst Story"));
      expect(posted).toEqual(order); // each exactly once, in the order the articles were accepted
    }
    // The restarted shard answers its servers again.
    expect((await finalReply(standin, ask(0, "burst story 7"))).data.embeds.length).toBeGreaterThan(0);
  }, 300_000);
});
