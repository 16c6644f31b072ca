import { describe, it, expect, beforeAll, afterAll, afterEach } from "vitest";
import {
  Client, DiscordAPIError, MessageFlags, REST, Routes, EmbedBuilder, Events, GatewayIntentBits, ActionRowBuilder, ButtonBuilder, ButtonStyle,
  type Interaction, type Message,
} from "discord.js";
import { startStandin, type RecordedRequest, type Standin } from "./standin.js";

const FAKE_TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.standin-token-not-real-000000000000000";

/** A tiny bot exercising the interaction and message paths the real bot uses. */
function makeClient(standin: Standin) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    rest: { api: standin.apiUrl, globalRequestsPerSecond: 1e6 },
  });
  const seen: Interaction[] = [];
  const received: Message[] = [];
  const responses: unknown[] = [];
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, async (interaction) => {
    seen.push(interaction);
    try {
      if (interaction.isChatInputCommand() && interaction.commandName === "ask") {
        const question = interaction.options.getString("question", true);
        await interaction.reply({
          embeds: [new EmbedBuilder().setTitle("Answer").setDescription(`You asked: ${question}`)],
          components: [new ActionRowBuilder<ButtonBuilder>().addComponents(
            new ButtonBuilder().setCustomId("more").setLabel("More").setStyle(ButtonStyle.Primary))],
        });
      } else if (interaction.isChatInputCommand() && interaction.commandName === "private") {
        responses.push(await interaction.reply({ content: "just for you", flags: MessageFlags.Ephemeral, withResponse: true }));
      } else if (interaction.isChatInputCommand() && interaction.commandName === "slow") {
        await interaction.deferReply();
        const edited = await interaction.editReply({ content: "done" });
        await interaction.followUp({ content: `edited ${edited.id}` });
      } else if (interaction.isAutocomplete()) {
        const focused = interaction.options.getFocused();
        await interaction.respond(["ai chips", "ai policy", "energy"].filter((c) => c.startsWith(focused)).map((c) => ({ name: c, value: c })));
      } else if (interaction.isButton() && interaction.customId === "more") {
        await interaction.update({ content: "expanded", components: [] });
      }
    } catch (e) {
      errors.push(e);
    }
  });
  client.on(Events.MessageCreate, async (message: Message) => {
    received.push(message);
    if (message.author.bot || !client.user || !message.mentions.has(client.user)) return;
    try { await message.reply("pong"); } catch (e) { errors.push(e); }
  });
  return { client, seen, received, responses, errors };
}

async function login(client: Client) {
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(FAKE_TOKEN);
  await ready;
}

const callbackOf = (id: string) => (r: RecordedRequest) => r.method === "POST" && r.path.startsWith(`/interactions/${id}/`);

describe("discord stand-in with the real discord.js client", () => {
  let standin: Standin;
  let bot: ReturnType<typeof makeClient>;

  beforeAll(async () => {
    standin = await startStandin();
    bot = makeClient(standin);
    await login(bot.client);
  });
  afterEach(() => standin.clearFailures());
  afterAll(async () => {
    await bot.client.destroy();
    await standin.close();
  });

  it("logs in: GET /gateway/bot, IDENTIFY, READY, guild with channels", async () => {
    expect(standin.requests[0]).toMatchObject({ method: "GET", path: "/gateway/bot" });
    expect(standin.identifyCount).toBe(1);
    expect(bot.client.user?.id).toBe(standin.botUserId);
    expect(standin.botUserId).toMatch(/^\d{17,19}$/);
    const guild = bot.client.guilds.cache.get(standin.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.size).toBe(2);
  });

  it("answers a slash command with an embed (callback type 4)", async () => {
    const { id, token } = standin.slashCommand("ask", [{ name: "question", type: 3, value: "What happened to chip prices?" }]);
    const req = await standin.waitForRequest(callbackOf(id));
    expect(req.path).toBe(`/interactions/${id}/${token}/callback`);
    expect(req.body.type).toBe(4);
    expect(req.body.data.embeds[0]).toMatchObject({ title: "Answer", description: "You asked: What happened to chip prices?" });
    expect(req.body.data.components[0].components[0].custom_id).toBe("more");
  });

  it("updates the message on a button click (callback type 7)", async () => {
    const { id } = standin.button("more");
    const req = await standin.waitForRequest(callbackOf(id));
    expect(req.body).toMatchObject({ type: 7, data: { content: "expanded", components: [] } });
  });

  it("responds to autocomplete (callback type 8)", async () => {
    const { id } = standin.autocomplete("ask", [{ name: "question", type: 3, value: "ai", focused: true }]);
    const req = await standin.waitForRequest(callbackOf(id));
    expect(req.body).toEqual({ type: 8, data: { choices: [{ name: "ai chips", value: "ai chips" }, { name: "ai policy", value: "ai policy" }] } });
  });

  it("defers, edits @original and follows up", async () => {
    const { id, token } = standin.slashCommand("slow");
    expect((await standin.waitForRequest(callbackOf(id))).body.type).toBe(5);
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path === `/webhooks/${standin.botUserId}/${token}/messages/@original`);
    expect(edit.body.content).toBe("done");
    const follow = await standin.waitForRequest((r) => r.method === "POST" && r.path === `/webhooks/${standin.botUserId}/${token}`);
    expect(follow.query.get("wait")).toBe("true");
    expect(follow.body.content).toMatch(/^edited \d{17,19}$/);
  });

  it("sends and edits a message in a guild channel", async () => {
    const channel = await bot.client.channels.fetch(standin.channelIds[1]!);
    if (!channel?.isSendable()) throw new Error("channel not sendable");
    const sent = await channel.send({ content: "Morning brief", embeds: [{ title: "Top story" }] });
    expect(sent.id).toMatch(/^\d{17,19}$/);
    expect(sent.author.id).toBe(standin.botUserId);
    expect(sent.content).toBe("Morning brief");
    expect(sent.embeds[0]?.title).toBe("Top story");
    const edited = await sent.edit("Morning brief (updated)");
    expect(edited.content).toBe("Morning brief (updated)");
    expect(edited.editedTimestamp).not.toBeNull();
    expect(standin.requests.some((r) => r.method === "PATCH" && r.path === `/channels/${standin.channelIds[1]}/messages/${sent.id}`)).toBe(true);
  });

  it("replies to a message that mentions the bot", async () => {
    const { id } = standin.message(`<@${standin.botUserId}> ping`);
    const req = await standin.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === id);
    expect(req.path).toBe(`/channels/${standin.channelIds[0]}/messages`);
    expect(req.body.content).toBe("pong");
  });

  it("echoes the bot's own posts and blanks unmentioned content without the MessageContent intent", async () => {
    const { id } = standin.message("plain chatter");
    await expect.poll(() => bot.received.find((m) => m.id === id)).toBeTruthy();
    expect(bot.received.find((m) => m.id === id)?.content).toBe("");
    expect(bot.received.some((m) => m.author.id === standin.botUserId && m.content === "pong")).toBe(true);
  });

  it("returns an InteractionCallbackResponse for withResponse: true", async () => {
    const { id } = standin.slashCommand("private");
    const req = await standin.waitForRequest(callbackOf(id));
    expect(req.query.get("with_response")).toBe("true");
    await expect.poll(() => bot.responses.length).toBe(1);
    const response = bot.responses[0] as import("discord.js").InteractionCallbackResponse;
    expect(response.interaction.id).toBe(id);
    expect(response.resource?.message?.content).toBe("just for you");
    expect(response.resource?.message?.flags.has(MessageFlags.Ephemeral)).toBe(true);
  });

  it("deploys guild commands with REST and echoes them with ids", async () => {
    const rest = new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN);
    const body = [{ name: "ask", description: "Ask the newsdesk", options: [{ name: "question", description: "q", type: 3, required: true, autocomplete: true }] }];
    const deployed = (await rest.put(Routes.applicationGuildCommands(standin.botUserId, standin.guildId), { body })) as any[];
    expect(deployed[0]).toMatchObject({ name: "ask", guild_id: standin.guildId, application_id: standin.botUserId });
    expect(deployed[0].id).toMatch(/^\d{17,19}$/);
    const fetched = await bot.client.application!.commands.fetch({ guildId: standin.guildId });
    expect(fetched.map((c) => c.name)).toEqual(["ask"]);
  });

  it("handles a slash command sent in a DM", async () => {
    const { id } = standin.slashCommand("ask", [{ name: "question", type: 3, value: "dm?" }], { dm: true });
    const req = await standin.waitForRequest(callbackOf(id));
    expect(req.body.type).toBe(4);
    const interaction = bot.seen.find((i) => i.id === id);
    expect(interaction?.guildId).toBeNull();
    expect(interaction?.inGuild()).toBe(false);
  });

  it("retries a channel post after a 500 and succeeds", async () => {
    standin.failRoute(/^POST \/channels\/\d+\/messages$/, 500, { code: 0, message: "500: Internal Server Error" }, { times: 1 });
    const channel = await bot.client.channels.fetch(standin.channelIds[0]!);
    if (!channel?.isSendable()) throw new Error("channel not sendable");
    const before = standin.requests.length;
    const sent = await channel.send("after a hiccup");
    expect(sent.content).toBe("after a hiccup");
    const posts = standin.requests.slice(before).filter((r) => r.method === "POST" && r.path.endsWith("/messages"));
    expect(posts).toHaveLength(2);
  });

  it("waits out a 429 with Retry-After and succeeds", async () => {
    standin.failRoute(/^POST \/channels\/\d+\/messages$/, 429, { message: "You are being rate limited.", retry_after: 0.05, global: false }, { times: 1 });
    const channel = await bot.client.channels.fetch(standin.channelIds[0]!);
    if (!channel?.isSendable()) throw new Error("channel not sendable");
    const before = standin.requests.length;
    expect((await channel.send("rate limited once")).content).toBe("rate limited once");
    const posts = standin.requests.slice(before).filter((r) => r.method === "POST" && r.path.endsWith("/messages"));
    expect(posts).toHaveLength(2);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(40);
  });

  it("surfaces a 403 as a DiscordAPIError 50013", async () => {
    standin.failRoute(/^POST \/channels\/\d+\/messages$/, 403, { code: 50013, message: "Missing Permissions" });
    const channel = await bot.client.channels.fetch(standin.channelIds[0]!);
    if (!channel?.isSendable()) throw new Error("channel not sendable");
    const error = await channel.send("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
  });

  it("answers unknown routes with 404 and records them", async () => {
    const res = await fetch(`${standin.apiUrl}/v10/nothing/here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: 0, message: "404: Not Found" });
    expect(standin.requests.at(-1)).toMatchObject({ method: "GET", path: "/nothing/here" });
    const late = await fetch(`${standin.apiUrl}/v10/interactions/1/bad/callback`, { method: "POST", body: "{\"type\":4}" });
    expect(late.status).toBe(404);
    expect((await late.json()).code).toBe(10062);
  });

  it("resumes after the gateway drops (4000) and replays missed interactions", async () => {
    expect(bot.errors).toEqual([]);
    standin.dropGateway(4000);
    const missed = standin.slashCommand("ask", [{ name: "question", type: 3, value: "while offline" }]);
    expect((await standin.waitForRequest(callbackOf(missed.id))).body.type).toBe(4);
    expect(standin.resumeCount).toBe(1);
    expect(standin.identifyCount).toBe(1);
    const next = standin.slashCommand("ask", [{ name: "question", type: 3, value: "after resume" }]);
    const req = await standin.waitForRequest(callbackOf(next.id));
    expect(req.body.data.embeds[0].description).toBe("You asked: after resume");
    expect(bot.errors).toEqual([]);
  });
});
