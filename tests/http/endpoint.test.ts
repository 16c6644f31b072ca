import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNewsdesk, type Newsdesk } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { ALL_PERMISSIONS, snowflake, startStandin, type Standin } from "../e2e/standin.js";
import { finalReply } from "../e2e/replies.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.http-test-token-not-real-0000000000000000";
const EPHEMERAL = 64;

let standin: Standin;
let newsdesk: Newsdesk;
let dataDir: string;
let endpoint: string;
/** Discord's signing key, generated here: the stand-in signs with it, and so do the tests' own requests. */
let discordKey: KeyObject;

beforeAll(async () => {
  discordKey = generateKeyPairSync("ed25519").privateKey;
  standin = await startStandin({ signingKey: discordKey });
  dataDir = mkdtempSync(path.join(os.tmpdir(), "newsdesk-http-"));
  newsdesk = await startNewsdesk({
    corpusDir: "corpus", dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"),
    rest: { globalRequestsPerSecond: 1e6 },
    http: { port: 0, host: "127.0.0.1", publicKey: standin.publicKey },
    interactionsOnly: true,
  });
  endpoint = `http://127.0.0.1:${newsdesk.http!.port}/interactions`;
  standin.useInteractionsEndpoint(endpoint);
}, 60_000);

afterAll(async () => {
  await newsdesk?.stop();
  await standin?.close();
  rmSync(dataDir, { recursive: true, force: true });
});


describe("interactions over HTTP, in interactions-only mode", () => {
  it("answers a slash command in the HTTP reply, through the same handlers and renderer, without a gateway connection", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "who is supplying the GPUs for OpenAI's Amazon deal?" }]);
    const callback = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${asked.id}/`));
    expect(callback.viaEndpoint).toBe(true);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.embeds[0].title).toBe("OpenAI Commits $38 Billion to Amazon Web Services for AI Compute");
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(standin.endpointStatus.get(asked.id)).toBe(200);
    expect(standin.identifyCount).toBe(0);
  });

  it("answers autocomplete and buttons the same way", async () => {
    const typed = standin.autocomplete("deal", [{ name: "query", type: 3, value: "nvi", focused: true }]);
    const choices = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${typed.id}/`));
    expect(choices.body.type).toBe(8);
    expect(choices.body.data.choices[0].value).toBe("Nvidia");

    const userId = "111111111111111111";
    const asked = standin.slashCommand("deal", [{ name: "query", type: 3, value: "OpenAI" }], { userId });
    const first = (await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${asked.id}/`))).body;
    const next = first.data.components.at(-1).components[2].custom_id;
    const turned = standin.button(next, { userId });
    const page2 = (await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${turned.id}/`))).body;
    expect(page2.type).toBe(7);
    expect(page2.data.components.at(-1).components[1].label).toMatch(/^Page 2 of/);
  });

  it("defers slow work in the HTTP reply and sends the answer through the webhook route", async () => {
    const asked = standin.slashCommand("feed", [{ name: "list", type: 1 }], { memberPermissions: ALL_PERMISSIONS });
    const deferred = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${asked.id}/`));
    expect(deferred).toMatchObject({ viaEndpoint: true, body: { type: 5, data: { flags: EPHEMERAL } } });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${standin.botUserId}/${asked.token}/messages/@original`);
    expect(JSON.stringify(edit.body)).toMatch(/feed/i);
  });

  it("checks the channel over REST before subscribing it, with no gateway cache", async () => {
    const channelId = standin.channelIds[1]!;
    const sent = standin.slashCommand("subscribe", [{ name: "channel", type: 7, value: channelId }], { memberPermissions: ALL_PERMISSIONS });
    const reply = await finalReply(standin, sent);
    expect(reply.data.embeds[0].title).toBe("Subscribed");
  });

  it("answers Discord's PING with PONG", async () => {
    const response = await signedPost(JSON.stringify({ id: snowflake(), application_id: standin.botUserId, type: 1, token: "ping-token", version: 1 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });
});

describe("the signature check", () => {
  const ping = () => JSON.stringify({ id: snowflake(), application_id: "100000000000000001", type: 1, token: "t", version: 1 });

  it("refuses a tampered body, a tampered timestamp, a wrong key, missing and non-hex headers with 401", async () => {
    const body = ping();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const good = signature(discordKey, timestamp, body);
    const post = (headers: Record<string, string>, payload = body) => fetch(endpoint, { method: "POST", body: payload, headers: { "content-type": "application/json", ...headers } });
    expect((await post({ "x-signature-ed25519": good, "x-signature-timestamp": timestamp })).status).toBe(200);
    expect((await post({ "x-signature-ed25519": good, "x-signature-timestamp": timestamp }, body.replace('"type":1', '"type":2'))).status).toBe(401);
    expect((await post({ "x-signature-ed25519": good, "x-signature-timestamp": String(Number(timestamp) + 1) })).status).toBe(401);
    expect((await post({ "x-signature-ed25519": signature(generateKeyPairSync("ed25519").privateKey, timestamp, body), "x-signature-timestamp": timestamp })).status).toBe(401);
    expect((await post({ "x-signature-timestamp": timestamp })).status).toBe(401);
    expect((await post({ "x-signature-ed25519": good })).status).toBe(401);
    expect((await post({ "x-signature-ed25519": "zz".repeat(64), "x-signature-timestamp": timestamp })).status).toBe(401);
    expect((await post({ "x-signature-ed25519": good.slice(2), "x-signature-timestamp": timestamp })).status).toBe(401);
  });

  it("refuses an oversized body before reading it all, and malformed interactions with 400", async () => {
    const huge = "x".repeat(300 * 1024);
    expect((await signedPost(huge)).status).toBe(413);
    expect((await signedPost("{not json")).status).toBe(400);
    expect((await signedPost("[]")).status).toBe(400);
    expect((await signedPost(JSON.stringify({ id: "1", type: 2, token: "t", application_id: "2" }))).status).toBe(400);
    const noUser = { id: snowflake(), application_id: standin.botUserId, type: 2, token: "abc", data: { id: snowflake(), name: "ask", type: 1 } };
    expect((await signedPost(JSON.stringify(noUser))).status).toBe(400);
    const modal = { ...noUser, type: 5, user: { id: "111111111111111111" } };
    expect((await signedPost(JSON.stringify(modal))).status).toBe(400);
    // discord.js itself refuses this one (no entitlements): still a 400, and the worker carries on.
    const broken = { ...noUser, user: { id: "111111111111111111", username: "u" } };
    expect((await signedPost(JSON.stringify(broken))).status).toBe(400);
    expect((await fetch(endpoint)).status).toBe(405);
    const stillAnswers = standin.slashCommand("latest", []);
    expect((await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${stillAnswers.id}/`))).body.type).toBe(4);
  });
});

function signature(key: KeyObject, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body), key).toString("hex");
}

/** A POST signed as Discord signs (with the key the bot was given). */
function signedPost(body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return fetch(endpoint, { method: "POST", body, headers: { "content-type": "application/json", "x-signature-ed25519": signature(discordKey, timestamp, body), "x-signature-timestamp": timestamp } });
}
