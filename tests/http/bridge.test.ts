import { Client, Events, MessageFlags } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHttpEndpoint, type HttpEndpoint } from "../../src/http/endpoint.js";
import { createLogger } from "../../src/logger.js";
import { startStandin, type Standin } from "../e2e/standin.js";

// Handlers that take longer than the bridge waits: the bridge defers in the HTTP reply, and what the handlers
// send later reaches the user through the webhook route.
const DEFER_AFTER_MS = 50;
const HANDLER_MS = 300;

let standin: Standin;
let endpoint: HttpEndpoint;
let client: Client;

beforeAll(async () => {
  standin = await startStandin();
  endpoint = await startHttpEndpoint({ port: 0, host: "127.0.0.1", publicKey: standin.publicKey, deferAfterMs: DEFER_AFTER_MS }, createLogger("silent"));
  client = new Client({ intents: [], rest: { api: standin.apiUrl, globalRequestsPerSecond: 1e6, ...endpoint.rest } });
  endpoint.attach(client);
  endpoint.ready({ articles: () => 0, checkDatabase: async () => undefined, waitingPosts: () => 0 });
  client.on(Events.InteractionCreate, async (interaction) => {
    await new Promise((resolve) => setTimeout(resolve, HANDLER_MS));
    if (interaction.isAutocomplete()) await interaction.respond([{ name: "late", value: "late" }]);
    else if (interaction.isButton() && interaction.customId === "notice") await interaction.reply({ content: "only you", flags: MessageFlags.Ephemeral });
    else if (interaction.isButton()) await interaction.update({ content: "turned" });
    else if (interaction.isChatInputCommand()) await interaction.reply({ content: "slow answer", flags: interaction.options.getBoolean("private") ? MessageFlags.Ephemeral : undefined });
  });
  standin.useInteractionsEndpoint(`http://127.0.0.1:${endpoint.port}/interactions`);
});

afterAll(async () => {
  await client?.destroy();
  await endpoint?.close();
  await standin?.close();
});

const firstResponse = (sent: { id: string }) => standin.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));

describe("handlers slower than the HTTP reply can wait", () => {
  it("a command is deferred in the reply (privately when asked) and its answer edits the deferred message", async () => {
    const sent = standin.slashCommand("ask", [{ name: "question", type: 3, value: "x" }, { name: "private", type: 5, value: true }]);
    expect((await firstResponse(sent)).body).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${standin.botUserId}/${sent.token}/messages/@original`);
    expect(edit.body.content).toBe("slow answer");
  });

  it("a button is deferred as an update, and its late update edits the message it is on", async () => {
    const sent = standin.button("turn");
    expect((await firstResponse(sent)).body).toEqual({ type: 6 });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${standin.botUserId}/${sent.token}/messages/@original`);
    expect(edit.body.content).toBe("turned");
  });

  it("a late notice after a deferred update is a follow-up, leaving the message alone", async () => {
    const sent = standin.button("notice");
    expect((await firstResponse(sent)).body).toEqual({ type: 6 });
    const followUp = await standin.waitForRequest((r) => r.method === "POST" && r.path === `/webhooks/${standin.botUserId}/${sent.token}`);
    expect(followUp.body).toMatchObject({ content: "only you", flags: MessageFlags.Ephemeral });
  });

  it("autocomplete gets no choices rather than none in time", async () => {
    const sent = standin.autocomplete("deal", [{ name: "query", type: 3, value: "nv", focused: true }]);
    expect((await firstResponse(sent)).body).toEqual({ type: 8, data: { choices: [] } });
    await new Promise((resolve) => setTimeout(resolve, HANDLER_MS + 100));
    expect(standin.requests.filter((r) => r.path.includes(sent.token))).toHaveLength(1);
  });
});
