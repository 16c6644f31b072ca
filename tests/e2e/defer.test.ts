import { Events, type Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/discord/bot.js";
import { DEFER_WHEN_OLDER_THAN_MS, shouldDefer } from "../../src/discord/interactions.js";
import { createLogger } from "../../src/logger.js";
import { bundledIndex } from "../helpers/corpus.js";
import { startStandin, type Standin } from "./standin.js";

let standin: Standin;
let client: Client | undefined;

/** Connects a bot to the stand-in; `deferAboveArticles` undefined leaves the default threshold. */
async function connect(deferAboveArticles: number | undefined) {
  await client?.destroy();
  const index = await bundledIndex();
  client = createBot({ index: () => index, logger: createLogger("silent"), apiUrl: standin.apiUrl, deferAboveArticles, rest: { globalRequestsPerSecond: 1e6 } });
  const ready = new Promise((resolve) => client!.once(Events.ClientReady, resolve));
  await client.login("MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.defer-test-token-not-real-0000000000000");
  await ready;
}

const callbackOf = (asked: { id: string; token: string }) => standin.waitForRequest((r) => r.path === `/interactions/${asked.id}/${asked.token}/callback`);

beforeAll(async () => {
  standin = await startStandin();
});

afterAll(async () => {
  await client?.destroy();
  await standin?.close();
});

describe("on a corpus large enough to defer", () => {
  // A corpus "larger" than the threshold: every command defers first, as it would at archive scale.
  beforeAll(() => connect(0));

  it("defers at once, then edits the deferred reply with the answer", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }]);
    const deferred = await callbackOf(asked);
    expect(deferred.body).toMatchObject({ type: 5 });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path.endsWith(`/${asked.token}/messages/@original`));
    expect(edit.body.embeds[0].title).toMatch(/Wiz/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("defers privately when the answer is private", async () => {
    const asked = standin.slashCommand("latest", [{ name: "private", type: 5, value: true }]);
    const deferred = await callbackOf(asked);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
  });

  it("turns a public deferral into a private notice when nothing matches", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "zebra quidditch xylophone" }]);
    const followUp = await standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/webhooks/`) && r.path.includes(asked.token));
    expect(followUp.body.flags & 64).toBe(64);
    expect(followUp.body.content).toMatch(/No article matches/);
    await standin.waitForRequest((r) => r.method === "DELETE" && r.path.endsWith(`/${asked.token}/messages/@original`));
  });
});

describe("with the default threshold", () => {
  beforeAll(() => connect(undefined));

  it("answers a fresh interaction on our corpus at once", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }]);
    const reply = await callbackOf(asked);
    expect(reply.body.type).toBe(4);
    expect(reply.body.data.embeds[0].title).toMatch(/Wiz/);
  });

  it("defers an interaction that reached the bot late, then answers it by editing the deferral", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }], { ageMs: DEFER_WHEN_OLDER_THAN_MS + 500 });
    const deferred = await callbackOf(asked);
    expect(deferred).toMatchObject({ status: 204, body: { type: 5 } });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path.endsWith(`/${asked.token}/messages/@original`));
    expect(edit.status).toBe(200);
    expect(edit.body.embeds[0].title).toMatch(/Wiz/);
  });

  it("defers above 20,000 articles, not at 20,000", () => {
    const fresh = { mayBeSlow: false, ageMs: 0 };
    expect(shouldDefer({ ...fresh, articles: 20_000 })).toBe(false);
    expect(shouldDefer({ ...fresh, articles: 20_001 })).toBe(true);
    expect(shouldDefer({ ...fresh, articles: 10, ageMs: 1_500 })).toBe(false);
    expect(shouldDefer({ ...fresh, articles: 10, ageMs: 1_501 })).toBe(true);
    expect(shouldDefer({ ...fresh, articles: 10, mayBeSlow: true })).toBe(true);
  });
});
