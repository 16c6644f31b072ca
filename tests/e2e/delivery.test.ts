import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { startNewsdesk, type Newsdesk } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { markdownArticle } from "../helpers/articles.js";
import { finalReply } from "./replies.js";
import { ALL_PERMISSIONS, snowflake, startStandin, type RecordedRequest, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.delivery-test-token-not-real-000000000";
const SEND_MESSAGES = "2048";
const EPHEMERAL = 64;

let standin: Standin;
let newsdesk: Newsdesk | undefined;
let corpusDir: string;
let dataDir: string;
let clock: number;
const [guildId, general, news, chips, locked] = [snowflake(), snowflake(), snowflake(), snowflake(), snowflake()];

async function start(options: { postsPerHour?: number; overflowGapMs?: number; restTimeoutMs?: number } = {}) {
  const { restTimeoutMs, ...rest } = options;
  newsdesk = await startNewsdesk({
    corpusDir, dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"),
    watch: { debounceMs: 40, retryMs: 60, retries: 5 }, rest: { globalRequestsPerSecond: 1e6, retries: 2, ...(restTimeoutMs ? { timeout: restTimeoutMs } : {}) },
    now: () => clock, digestCheckMs: 50, ...rest,
  });
  await waitFor(() => newsdesk!.client.isReady());
}

async function stop() {
  await newsdesk?.stop();
  newsdesk = undefined;
}

/** An article file written into the watched corpus. */
function drop(name: string, title: string, extra: Parameters<typeof markdownArticle>[0] = {}) {
  writeFileSync(path.join(corpusDir, `${name}.md`), markdownArticle({ title, source: `https://news.example.com/${name}`, ...extra }));
}

async function command(name: string, options: any[], opts: { memberPermissions?: string } = {}) {
  const sent = standin.slashCommand(name, options, { memberPermissions: opts.memberPermissions ?? ALL_PERMISSIONS });
  return finalReply(standin, sent);
}

const subscribe = (channel: string, more: any[] = []) => command("subscribe", [{ name: "channel", type: 7, value: channel }, ...more]);
const titles = (channel: string) => standin.messagesIn(channel).map((m) => m.embeds[0]?.title as string);
const posts = (channel: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channel}/messages`;

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

beforeEach(async () => {
  clock = Date.parse("2025-11-26T08:00:00Z");
  corpusDir = mkdtempSync(path.join(tmpdir(), "newsdesk-live-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "newsdesk-data-"));
  drop("archive-one", "Archive Story About Old Chips Deal");
  standin = await startStandin({
    guildId,
    channelIds: [general, news, chips, locked],
    channelOverwrites: { [locked]: [{ id: guildId, type: 0, allow: "0", deny: SEND_MESSAGES }] },
  });
});

afterEach(async () => {
  await stop();
  await standin.close();
  rmSync(corpusDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

afterAll(async () => {
  await stop();
});

describe("subscribing a channel", () => {
  it("needs Manage Channels, checked by the bot as well as by Discord", async () => {
    await start();
    const body = await command("subscribe", [{ name: "channel", type: 7, value: news }], { memberPermissions: "0" });
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/You need the Manage Channels permission/);
    expect(await newsdesk!.delivery.store.subscriptions()).toEqual([]);
  });

  it("refuses a channel where the bot cannot post, naming the missing permission", async () => {
    await start();
    const body = await subscribe(locked);
    expect(body.data.content).toMatch(/missing Send Messages/);
    expect(await newsdesk!.delivery.store.subscriptions()).toEqual([]);
  });

  it("marks the archive as seen, then posts each new article once to each matching channel", async () => {
    await start();
    const confirmation = await subscribe(general);
    expect(confirmation.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(confirmation.data.embeds[0].description).toMatch(/Articles already in the corpus count as seen/);
    await subscribe(chips, [{ name: "include", type: 3, value: "Nvidia, semiconductors" }]);
    await subscribe(news, [{ name: "exclude", type: 3, value: "Nvidia" }]);
    await settle();
    expect(standin.messagesIn(general)).toEqual([]);

    drop("nvidia-deal", "Nvidia Buys a Stake in Acme Robotics");
    drop("bank-deal", "Northwind Bank Raises $2 Billion");
    await waitFor(() => titles(general).length === 2 && titles(chips).length === 1 && titles(news).length === 1);
    await settle();
    expect(titles(general).sort()).toEqual(["Northwind Bank Raises $2 Billion", "Nvidia Buys a Stake in Acme Robotics"]);
    expect(titles(chips)).toEqual(["Nvidia Buys a Stake in Acme Robotics"]);
    expect(titles(news)).toEqual(["Northwind Bank Raises $2 Billion"]);
    const post = standin.requests.find(posts(general))!;
    expect(post.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true, nonce: expect.any(String) });
    expect(post.body.embeds[0].url).toMatch(/^https:\/\/news\.example\.com\//);
  });

  it("backfills the latest articles when asked", async () => {
    await start();
    await subscribe(general, [{ name: "backfill", type: 4, value: 3 }]);
    await waitFor(() => titles(general).length === 1);
    expect(titles(general)).toEqual(["Archive Story About Old Chips Deal"]);
  });

  it("edits the posted message when its file changes, and drops a removed file from the index", async () => {
    await start();
    await subscribe(general);
    drop("story", "Contoso Signs a Cloud Contract");
    await waitFor(() => titles(general).length === 1);
    drop("story", "Contoso Signs a Cloud Contract", { summary: "Corrected: the contract runs for five years." });
    await standin.waitForRequest((r) => r.method === "PATCH" && r.path.startsWith(`/channels/${general}/messages/`));
    await settle();
    expect(standin.messagesIn(general)).toHaveLength(1);
    expect(standin.messagesIn(general)[0]!.embeds[0].description).toMatch(/Corrected: the contract runs for five years/);

    rmSync(path.join(corpusDir, "story.md"));
    await waitFor(() => newsdesk!.index.get("story") === undefined);
  });

  it("follows folders: one made later, its files, and one removed and made again", async () => {
    mkdirSync(path.join(corpusDir, "2025"));
    await start();
    await subscribe(general);
    mkdirSync(path.join(corpusDir, "2025", "11"), { recursive: true });
    writeFileSync(path.join(corpusDir, "2025", "11", "late.md"), markdownArticle({ title: "Folder Article Arrives Late", source: "https://news.example.com/late" }));
    await waitFor(() => newsdesk!.index.get("2025/11/late") !== undefined);
    await waitFor(() => titles(general).includes("Folder Article Arrives Late"));
    rmSync(path.join(corpusDir, "2025", "11"), { recursive: true });
    await waitFor(() => newsdesk!.index.get("2025/11/late") === undefined);
    mkdirSync(path.join(corpusDir, "2025", "11"));
    await settle();
    writeFileSync(path.join(corpusDir, "2025", "11", "again.md"), markdownArticle({ title: "Folder Made Again", source: "https://news.example.com/again" }));
    await waitFor(() => newsdesk!.index.get("2025/11/again") !== undefined);
  });

  it("skips a new file that claims another file's article id, as at start-up", async () => {
    await start();
    await subscribe(general);
    const withId = (title: string) => markdownArticle({ title, source: "https://news.example.com/shared" }).replace("---\ntitle", "---\nid: shared\ntitle");
    writeFileSync(path.join(corpusDir, "owner.md"), withId("The Rightful Owner"));
    await waitFor(() => titles(general).length === 1);
    writeFileSync(path.join(corpusDir, "impostor.md"), withId("An Impostor"));
    await settle();
    expect(newsdesk!.index.get("shared")?.title).toBe("The Rightful Owner");
    expect(standin.requests.filter((r) => r.method === "PATCH" && r.path.startsWith("/channels/"))).toEqual([]);
    rmSync(path.join(corpusDir, "impostor.md"));
    await settle();
    expect(newsdesk!.index.get("shared")?.title).toBe("The Rightful Owner");
  });

  it("reads a file written in several steps once it is complete", async () => {
    await start();
    await subscribe(general);
    const text = markdownArticle({ title: "Fabrikam Acquires Tailspin", source: "https://news.example.com/fabrikam" });
    const file = path.join(corpusDir, "slow.md");
    writeFileSync(file, text.slice(0, 120));
    await new Promise((resolve) => setTimeout(resolve, 150));
    writeFileSync(file, text);
    await waitFor(() => titles(general).length === 1);
    await settle();
    expect(titles(general)).toEqual(["Fabrikam Acquires Tailspin"]);
  });

  it("lists subscriptions with filters and state, previews the next post, and unsubscribes", async () => {
    await start();
    await subscribe(chips, [{ name: "include", type: 3, value: "Chips" }, { name: "digest", type: 3, value: "9:30" }]);
    const list = await command("subscriptions", []);
    expect(list.data.embeds[0].fields[0].value).toMatch(new RegExp(`<#${chips}>\\ninclude: Chips · daily digest at 09:30 UTC`));
    const preview = await command("subscription", [{ name: "preview", type: 1, options: [{ name: "channel", type: 7, value: chips }] }]);
    expect(preview.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(preview.data.content).toMatch(/The next post in <#\d+> will look like this/);
    expect(preview.data.embeds[0].title).toBe("Archive Story About Old Chips Deal");
    expect(preview.data.embeds.at(-1).description).toMatch(/✅ Archive Story About Old Chips Deal/);
    const gone = await command("unsubscribe", [{ name: "channel", type: 7, value: chips }]);
    expect(gone.data.embeds[0].title).toBe("Unsubscribed");
    expect(await newsdesk!.delivery.store.subscriptions()).toEqual([]);
  });
});

describe("delivery that holds", () => {
  it("loses nothing and doubles nothing across a restart in the middle of a burst", async () => {
    await start();
    await subscribe(general);
    for (let i = 0; i < 12; i++) drop(`burst-${i}`, `Burst Article Number ${i}`);
    await waitFor(() => titles(general).length >= 3);
    await stop();
    drop("while-down", "Article Added While The Bot Was Down");
    await start();
    await waitFor(() => titles(general).length >= 13, 10_000);
    // Let the sender finish everything it has, then look: a second copy of any post would show here.
    await newsdesk!.delivery.sender.idle();
    await settle();
    await newsdesk!.delivery.sender.idle();
    expect(titles(general)).toHaveLength(13);
    expect(new Set(titles(general)).size).toBe(13);
    const [subscription] = await newsdesk!.delivery.store.subscriptions();
    expect(await newsdesk!.delivery.store.stats(subscription!.id)).toMatchObject({ pending: 0, sent: 13 });
  });

  it("waits out a 429 on the posting route and posts once", async () => {
    await start();
    await subscribe(general);
    standin.failRoute(new RegExp(`^POST /channels/${general}/messages$`), 429, { message: "You are being rate limited.", retry_after: 0.05, global: false }, { times: 2 });
    drop("limited", "Rate Limited Article");
    await waitFor(() => titles(general).length === 1);
    await settle();
    expect(titles(general)).toEqual(["Rate Limited Article"]);
  });

  it("posts once when Discord creates the message but answers too late (the retry carries the same nonce)", async () => {
    await start({ restTimeoutMs: 300 });
    await subscribe(general);
    standin.delayRoute(new RegExp(`^POST /channels/${general}/messages$`), 600, { times: 1 });
    drop("slow-answer", "Slowly Acknowledged Article");
    await waitFor(() => standin.requests.filter(posts(general)).length >= 2, 8_000);
    await settle();
    expect(titles(general)).toEqual(["Slowly Acknowledged Article"]);
  });

  it("retries a 500 with backoff and posts once", async () => {
    await start();
    await subscribe(general);
    standin.failRoute(new RegExp(`^POST /channels/${general}/messages$`), 500, { message: "oops" }, { times: 3 });
    drop("flaky", "Flaky Server Article");
    // Waiting, not due: the failure is recorded with its backoff (moving the clock before would land inside it).
    await waitFor(async () => (await newsdesk!.delivery.store.stats(1)).pending === 1 && (await newsdesk!.delivery.store.due()).length === 0 && standin.requests.filter(posts(general)).length >= 3);
    clock += 5_000; // past the backoff
    newsdesk!.delivery.sender.wake();
    await waitFor(() => titles(general).length === 1, 8_000);
    expect(titles(general)).toEqual(["Flaky Server Article"]);
  });

  it("pauses a subscription on 403, says why in /subscriptions, and resumes with /subscribe", async () => {
    await start();
    await subscribe(general);
    standin.failRoute(new RegExp(`^POST /channels/${general}/messages$`), 403, { code: 50013, message: "Missing Permissions" });
    drop("blocked", "Blocked Article");
    await waitFor(async () => (await newsdesk!.delivery.store.byChannel(general))?.pausedReason !== null);
    const list = await command("subscriptions", []);
    expect(list.data.embeds[0].fields[0]).toMatchObject({ name: "⏸ Paused", value: expect.stringMatching(/lacks permission to post there.*Run \/subscribe again to resume/s) });
    standin.clearFailures();
    await subscribe(general);
    await waitFor(() => titles(general).length === 1);
    expect(titles(general)).toEqual(["Blocked Article"]);
  });

  it("pauses a subscription whose channel was deleted (404)", async () => {
    await start();
    await subscribe(news);
    standin.deleteChannel(news);
    drop("orphan", "Orphaned Article");
    await waitFor(async () => (await newsdesk!.delivery.store.byChannel(news))?.pausedReason !== null);
    expect((await newsdesk!.delivery.store.byChannel(news))?.pausedReason).toMatch(/no longer exists/);
  });

  it("keeps answering slash commands while it posts", async () => {
    await start();
    await subscribe(general);
    standin.delayRoute(new RegExp(`^POST /channels/${general}/messages$`), 300);
    for (let i = 0; i < 5; i++) drop(`slow-${i}`, `Slow Post ${i}`);
    await standin.waitForRequest(posts(general));
    const asked = standin.slashCommand("latest", [{ name: "count", type: 4, value: 1 }]);
    const reply = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${asked.id}/`));
    let count = 0;
    const secondPost = await standin.waitForRequest((r) => posts(general)(r) && ++count === 2);
    expect(reply.at).toBeLessThan(secondPost.at); // answered while the first post was still waiting for Discord
  });

  it("folds a burst of 200 articles beyond the hourly cap into one message", async () => {
    await start({ postsPerHour: 5 });
    await subscribe(general);
    for (let i = 0; i < 200; i++) drop(`flood-${i}`, `Flood Article ${i}`);
    await waitFor(() => newsdesk!.index.size === 201, 15_000);
    // On a busy machine the watcher may hand the burst over in several batches; a later batch's fold
    // waits for the gap between folds (10 minutes), so the frozen clock is moved on until all are out.
    const store = newsdesk!.delivery.store;
    await waitFor(async () => {
      if ((await store.stats(1)).pending === 0) return true;
      const due = await store.nextDueAt();
      if (due !== null && due > clock) {
        clock = due + 1;
        newsdesk!.delivery.sender.wake();
      }
      return false;
    }, 15_000);
    await settle();
    const messages = standin.messagesIn(general);
    const folded = messages.filter((m) => /more new articles?$/.test(m.embeds[0]?.title ?? ""));
    expect(messages.length - folded.length).toBe(5);
    expect(folded.length).toBeGreaterThanOrEqual(1);
    expect(folded.length).toBeLessThanOrEqual(4);
    expect((await store.stats(1)).sent).toBe(200);
  }, 40_000);

  it("folds a second burst only after the gap between folds, losing nothing", async () => {
    await start({ postsPerHour: 5 });
    await subscribe(general);
    // Six articles: five posts and one fold, however the watcher batches them.
    for (let i = 0; i < 6; i++) drop(`first-${i}`, `First Wave ${i}`);
    await waitFor(async () => (await newsdesk!.delivery.store.stats(1)).sent === 6, 15_000);
    for (let i = 0; i < 20; i++) drop(`second-${i}`, `Second Wave ${i}`);
    await waitFor(() => newsdesk!.index.size === 27, 15_000);
    await settle();
    const folds = () => standin.messagesIn(general).filter((m) => /more new articles?$/.test(m.embeds[0]?.title ?? ""));
    expect(standin.messagesIn(general)).toHaveLength(6);
    expect(folds()).toHaveLength(1);
    expect((await newsdesk!.delivery.store.stats(1)).pending).toBe(20);
    clock += 10 * 60_000 + 1;
    newsdesk!.delivery.sender.wake();
    await waitFor(async () => (await newsdesk!.delivery.store.stats(1)).pending === 0);
    expect(folds()).toHaveLength(2);
    expect(folds()[1]!.embeds[0].title).toBe("20 more new articles");
    expect((await newsdesk!.delivery.store.stats(1)).sent).toBe(26);
  }, 40_000);

  it("posts one digest a day at the chosen time", async () => {
    await start();
    await subscribe(general, [{ name: "digest", type: 3, value: "09:00" }]);
    drop("d1", "Digest Article One");
    drop("d2", "Digest Article Two");
    await waitFor(() => newsdesk!.index.size === 3);
    await settle();
    expect(standin.messagesIn(general)).toEqual([]);
    clock = Date.parse("2025-11-26T09:00:30Z");
    newsdesk!.delivery.sender.wake();
    await waitFor(() => standin.messagesIn(general).length === 1);
    const [digest] = standin.messagesIn(general);
    expect(digest!.embeds[0].title).toBe("Newsdesk digest · 2025-11-26");
    expect(digest!.embeds[0].description).toMatch(/Digest Article One/);
    expect(digest!.embeds[0].description).toMatch(/Digest Article Two/);
    newsdesk!.delivery.sender.wake();
    await settle();
    expect(standin.messagesIn(general)).toHaveLength(1);
  });
});
