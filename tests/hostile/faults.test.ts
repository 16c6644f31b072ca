import { Events, type Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/logger.js";
import { bundledIndex } from "../helpers/corpus.js";
import { startStandin, type RecordedRequest, type Standin } from "../e2e/standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.faults-test-token-not-real-00000000000";
let standin: Standin;
let client: Client;

const callbacks = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);
async function askAndAnswer(question = "Wiz acquisition") {
  const sent = standin.slashCommand("ask", [{ name: "question", type: 3, value: question }]);
  return { sent, reply: await standin.waitForRequest((r) => callbacks(sent.id)(r) && r.body?.type === 4, 10_000) };
}

beforeAll(async () => {
  const index = await bundledIndex();
  standin = await startStandin({ heartbeatIntervalMs: 150 });
  // A short REST timeout, so a Discord that does not answer is given up on (and retried) quickly.
  client = createBot({ index: () => index, logger: createLogger("silent"), apiUrl: standin.apiUrl, rest: { globalRequestsPerSecond: 1e6, timeout: 400, retries: 2 } });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(TOKEN);
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await standin?.close();
});

describe("the gateway connection dropped mid-session", () => {
  it.each([1006, 4000])("resumes after close code %i and answers the next interaction", async (code) => {
    const resumes = standin.resumeCount + standin.identifyCount;
    standin.dropGateway(code);
    const { reply } = await askAndAnswer();
    expect(reply.body.data.embeds[0].title).toMatch(/Wiz/);
    expect(standin.resumeCount + standin.identifyCount).toBeGreaterThan(resumes);
  });

  it("reconnects when Discord stops answering heartbeats", async () => {
    const before = standin.resumeCount + standin.identifyCount;
    standin.ackHeartbeats(false);
    const start = standin.heartbeatCount;
    while (standin.heartbeatCount < start + 2) await new Promise((resolve) => setTimeout(resolve, 50));
    standin.ackHeartbeats(true);
    const { reply } = await askAndAnswer();
    expect(reply.body.data.embeds[0].title).toMatch(/Wiz/);
    expect(standin.resumeCount + standin.identifyCount).toBeGreaterThan(before);
  });
});

/** Answers (type 4 callbacks) Discord took for this interaction: the ones the user sees. */
const acceptedAnswers = (id: string) => standin.requests.filter((r) => callbacks(id)(r) && r.body?.type === 4 && r.status === 204);
/** Anything that would change or add to the reply after the callback: edits of @original and follow-ups. */
const laterMessages = (token: string) => standin.requests.filter((r) => r.path.startsWith("/webhooks/") && r.path.includes(token));

describe("Discord's REST API failing on replies", () => {
  it("waits out a 429 and answers once", async () => {
    standin.failRoute(/^POST \/interactions\/\d+\/[^/]+\/callback$/, 429, { message: "You are being rate limited.", retry_after: 0.05, global: false }, { times: 1 });
    const { sent } = await askAndAnswer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(standin.requests.filter((r) => callbacks(sent.id)(r)).map((r) => r.status)).toEqual([429, 204]);
    expect(acceptedAnswers(sent.id)).toHaveLength(1);
    expect(laterMessages(sent.token)).toEqual([]);
  });

  it("retries a 500 and answers once", async () => {
    standin.failRoute(/^POST \/interactions\/\d+\/[^/]+\/callback$/, 500, { message: "Internal Server Error" }, { times: 1 });
    const sent = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }]);
    let seen = 0;
    const second = await standin.waitForRequest((r) => callbacks(sent.id)(r) && ++seen === 2, 10_000);
    expect(second.body.data.embeds[0].title).toMatch(/Wiz/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(standin.requests.filter((r) => callbacks(sent.id)(r)).map((r) => r.status)).toEqual([500, 204]);
    expect(acceptedAnswers(sent.id)).toHaveLength(1);
    expect(laterMessages(sent.token)).toEqual([]);
  });

  it("answers once when Discord takes the reply but answers too late", async () => {
    // The first attempt reaches Discord (it is taken and shown) but its answer comes after the bot's 400 ms
    // REST timeout; the retry then meets "already acknowledged". The user sees one answer, and nothing
    // edits it or follows it up afterwards.
    standin.delayRoute(/^POST \/interactions\/\d+\/[^/]+\/callback$/, 700, { times: 1 });
    const { sent } = await askAndAnswer();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const attempts = standin.requests.filter((r) => callbacks(sent.id)(r));
    expect(attempts[0]).toMatchObject({ status: 204, body: { type: 4 } });
    expect(attempts.slice(1).every((r) => r.status === 400)).toBe(true); // each retry: already acknowledged
    expect(acceptedAnswers(sent.id)).toHaveLength(1);
    expect(laterMessages(sent.token)).toEqual([]);
  });
});
