import { Writable } from "node:stream";
import { Events, type Client } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBot, INTENTS } from "../../src/discord/bot.js";
import { createLogger } from "../../src/logger.js";
import { parseArticleText } from "../../src/articles/parse.js";
import { NewsIndex } from "../../src/search/newsIndex.js";
import { markdownArticle } from "../helpers/articles.js";
import { expectChoicesWithinDiscordLimits } from "../helpers/discordLimits.js";
import { bundledIndex } from "../helpers/corpus.js";
import { startStandin, type RecordedRequest, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.newsdesk-e2e-token-not-real-0000000000";
const PAGE_TTL_MS = 1_500;

let standin: Standin;
let client: Client;
let current: NewsIndex;
let failNext = false;
const logLines: Array<Record<string, unknown>> = [];
let rawLog = "";

const callback = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);
async function replyTo(interaction: { id: string }) {
  return (await standin.waitForRequest(callback(interaction.id))).body as { type: number; data: any };
}
const EPHEMERAL = 64;

beforeAll(async () => {
  current = await bundledIndex();
  standin = await startStandin();
  const destination = new Writable({
    write(chunk, _encoding, done) {
      rawLog += chunk.toString();
      for (const line of chunk.toString().split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  client = createBot({
    index: () => {
      if (failNext) {
        failNext = false;
        throw new Error("index exploded");
      }
      return current;
    },
    logger: createLogger("info", destination),
    apiUrl: standin.apiUrl,
    pageTtlMs: PAGE_TTL_MS,
    rest: { globalRequestsPerSecond: 1e6 },
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(TOKEN);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await standin?.close();
});

beforeEach(async () => {
  current = await bundledIndex();
});

describe("slash commands through the real discord.js client", () => {
  it("/ask answers with embeds: title linked to the source, matched key points, date, a source button, no pings", async () => {
    const { body } = { body: await replyTo(standin.slashCommand("ask", [{ name: "question", type: 3, value: "who is supplying the GPUs for OpenAI's Amazon deal?" }])) };
    expect(body.type).toBe(4);
    const [first] = body.data.embeds;
    expect(first.title).toBe("OpenAI Commits $38 Billion to Amazon Web Services for AI Compute");
    expect(first.url).toMatch(/^https:\/\//);
    expect(first.description).toMatch(/^• .*Nvidia (GPUs|GB200)/);
    expect(first.footer.text).toMatch(/reuters\.com/);
    expect(body.data.components[0].components[0]).toMatchObject({ type: 2, style: 5, url: first.url });
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.flags ?? 0).toBe(0);
  });

  it("answers privately when asked to", async () => {
    const body = await replyTo(standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }, { name: "private", type: 5, value: true }]));
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("/deal lists deals with parties, amount and kind, paged with buttons only the asker can use", async () => {
    const asked = standin.slashCommand("deal", [{ name: "query", type: 3, value: "OpenAI" }], { userId: "111111111111111111" });
    const body = await replyTo(asked);
    expect(body.data.embeds).toHaveLength(5);
    expect(body.data.embeds[0].description).toMatch(/^\*\*(Investment|Compute contract|Partnership|Acquisition|Supply deal)\*\* · .*OpenAI/);
    const pager = body.data.components.at(-1).components;
    expect(pager.map((b: any) => b.label)).toEqual(["◀ Previous", expect.stringMatching(/^Page 1 of \d$/), "Next ▶"]);

    const stranger = await replyTo(standin.button(pager[2].custom_id, { userId: "222222222222222222" }));
    expect(stranger.type).toBe(4);
    expect(stranger.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(stranger.data.content).toMatch(/Only the person who asked/);

    const next = await replyTo(standin.button(pager[2].custom_id, { userId: "111111111111111111" }));
    expect(next.type).toBe(7);
    expect(next.data.embeds[0].title).not.toBe(body.data.embeds[0].title);
    expect(next.data.components.at(-1).components[1].label).toMatch(/^Page 2 of/);

    await new Promise((resolve) => setTimeout(resolve, PAGE_TTL_MS + 100));
    const late = await replyTo(standin.button(pager[2].custom_id, { userId: "111111111111111111" }));
    expect(late.data.content).toMatch(/These buttons have expired/);
    expect(late.data.flags & EPHEMERAL).toBe(EPHEMERAL);
  });

  it("/summary shows one article with the next best matches as buttons that open them", async () => {
    const body = await replyTo(standin.slashCommand("summary", [{ name: "topic", type: 3, value: "AWS compute deal" }]));
    expect(body.data.embeds[0].title).toMatch(/OpenAI Commits \$38 Billion/);
    const more = body.data.components[1].components;
    expect(more.length).toBeGreaterThan(0);
    const opened = await replyTo(standin.button(more[0].custom_id));
    expect(opened.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(opened.data.embeds[0].title.startsWith(more[0].label.replace(/…$/, ""))).toBe(true);
  });

  it("/latest lists the newest articles", async () => {
    const body = await replyTo(standin.slashCommand("latest", [{ name: "count", type: 4, value: 3 }]));
    expect(body.data.embeds[0].description.split("\n")).toHaveLength(3);
  });

  it("autocompletes company names for /deal and article titles for /summary", async () => {
    const companies = await replyTo(standin.autocomplete("deal", [{ name: "query", type: 3, value: "nvi", focused: true }]));
    expect(companies.type).toBe(8);
    expect(companies.data.choices[0]).toEqual({ name: expect.stringMatching(/^Nvidia \(\d+ articles\)$/), value: "Nvidia" });
    const titles = await replyTo(standin.autocomplete("summary", [{ name: "topic", type: 3, value: "wiz", focused: true }]));
    expect(titles.data.choices[0]).toEqual({ name: "Alphabet Agrees to Buy Cloud Security Startup Wiz for $32 Billion", value: "google-wiz-acquisition-32bn" });
    expectChoicesWithinDiscordLimits(companies.data.choices);
    expectChoicesWithinDiscordLimits(titles.data.choices);
  });
});

describe("mentions and direct messages", () => {
  it("answers @Newsdesk <question> in a channel like /ask", async () => {
    const sent = standin.message(`<@${standin.botUserId}> who bought Wiz?`, { mentionsBot: true });
    const reply = await standin.waitForRequest((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && r.body?.message_reference?.message_id === sent.id);
    expect(reply.body.embeds[0].title).toMatch(/Wiz/);
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("answers a direct message without a mention", async () => {
    const sent = standin.message("Nvidia Intel stake", { dm: true });
    const reply = await standin.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === sent.id);
    expect(reply.body.embeds[0].title).toMatch(/Nvidia Buys a \$5 Billion Slice of Intel/);
  });

  it("ignores messages that are not addressed to it", async () => {
    const before = standin.requests.length;
    standin.message("just chatting about Nvidia");
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(standin.requests.slice(before).filter((r) => r.method === "POST")).toEqual([]);
  });
});

describe("problems get short private messages", () => {
  it("says when nothing matches, privately", async () => {
    const body = await replyTo(standin.slashCommand("ask", [{ name: "question", type: 3, value: "zebra quidditch xylophone" }]));
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/No article matches/);
  });

  it("explains a bad option and what to type", async () => {
    const body = await replyTo(standin.slashCommand("latest", [{ name: "count", type: 4, value: 0 }]));
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toBe("count must be a whole number from 1 to 25, for example: /latest count:5");
    const empty = await replyTo(standin.slashCommand("ask", [{ name: "question", type: 3, value: "?!" }]));
    expect(empty.data.content).toMatch(/Please give a question, for example/);
  });

  it("logs an unexpected error with context and apologises without details", async () => {
    failNext = true;
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "anything" }]);
    const body = await replyTo(asked);
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.content).toMatch(/^Sorry, something went wrong/);
    expect(body.data.content).not.toMatch(/exploded|Error|at /);
    const logged = logLines.find((line) => line.msg === "interaction failed" && line.interactionId === asked.id);
    expect(logged).toMatchObject({ command: "ask", options: { question: "anything" }, level: 50 });
    expect(JSON.stringify(logged)).toMatch(/index exploded/);
  });

  it("truncates a huge article to Discord's limits instead of failing", async () => {
    const huge = parseArticleText(markdownArticle({ title: `Huge ${"headline ".repeat(60)}`, summary: "s ".repeat(3000), keyPoints: Array.from({ length: 7 }, (_, i) => `Point ${i} ${"detail ".repeat(400)}`) }), "huge");
    if (!huge.ok) throw new Error(huge.reason);
    current = new NewsIndex([huge.article]);
    const body = await replyTo(standin.slashCommand("summary", [{ name: "topic", type: 3, value: "huge" }]));
    expect(body.type).toBe(4);
    const [embed] = body.data.embeds;
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.title.endsWith("…")).toBe(true);
    expect(embed.description.length).toBeLessThanOrEqual(4096);
    expect(embed.description.endsWith("…")).toBe(true);
  });
});

describe("running it", () => {
  it("uses the fewest intents: guilds, guild messages, direct messages", () => {
    expect(client.options.intents.toArray().sort()).toEqual(["DirectMessages", "GuildMessages", "Guilds"]);
    expect(INTENTS).toHaveLength(3);
  });

  it("logs one structured line per interaction, and never the token", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz" }]);
    await replyTo(asked);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const line = logLines.find((l) => l.msg === "interaction" && l.interactionId === asked.id);
    expect(line).toMatchObject({ kind: "command", command: "ask", options: { question: "Wiz" }, guildId: standin.guildId, outcome: "answered", latencyMs: expect.any(Number) });
    expect(rawLog).not.toContain(TOKEN);
  });
});
