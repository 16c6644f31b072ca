import { describe, it, expect, beforeAll, afterAll, afterEach } from "vitest";
import {
  Client, DiscordAPIError, MessageFlags, REST, Routes, EmbedBuilder, Events, GatewayIntentBits, ActionRowBuilder, ButtonBuilder, ButtonStyle,
  ChannelType, Partials, PermissionFlagsBits, PermissionsBitField, RESTEvents,
  type ChatInputCommandInteraction, type ClientOptions, type Interaction, type Message, type TextChannel,
} from "discord.js";
import { WebSocket } from "ws";
import {
  ALL_PERMISSIONS, BOT_PERMISSIONS, EVERYONE_PERMISSIONS, guildIdForShard, maxInAnyWindow, shardOf, snowflake, startStandin,
  type RecordedRequest, type Standin,
} from "./standin.js";

const FAKE_TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.standin-token-not-real-000000000000000";

/** A tiny bot exercising the interaction and message paths the real bot uses. */
function makeClient(standin: Standin, options: Partial<ClientOptions> = {}) {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    rest: { api: standin.apiUrl, globalRequestsPerSecond: 1e6 },
    ...options,
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
const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;
/** The interaction object discord.js built for a dispatched interaction. */
async function seenInteraction(bot: ReturnType<typeof makeClient>, id: string) {
  await expect.poll(() => bot.seen.some((i) => i.id === id)).toBe(true);
  return bot.seen.find((i) => i.id === id)!;
}

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
    expect(guild?.channels.cache.size).toBe(3); // three text channels by default
    expect(standin.channelIds).toHaveLength(3);
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

  it("dedupes a channel post by nonce with enforce_nonce: the same message, nothing new created", async () => {
    const rest = new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN);
    const channelId = standin.channelIds[2]!;
    const before = standin.requests.length;
    const first = (await rest.post(Routes.channelMessages(channelId), { body: { content: "x", nonce: "abc", enforce_nonce: true } })) as any;
    const again = (await rest.post(Routes.channelMessages(channelId), { body: { content: "x", nonce: "abc", enforce_nonce: true } })) as any;
    expect(again.id).toBe(first.id);
    expect(again).toEqual(first);
    expect(standin.requests.slice(before).filter(postsTo(channelId))).toHaveLength(2); // the duplicate is still recorded
    expect(standin.messagesIn(channelId)).toEqual([
      { id: first.id, channel_id: channelId, content: "x", embeds: [], components: [], nonce: "abc", edited: false },
    ]);

    // Without enforce_nonce, or in another channel, the same nonce creates a new message.
    const loose = (await rest.post(Routes.channelMessages(channelId), { body: { content: "y", nonce: "abc" } })) as any;
    expect(loose.id).not.toBe(first.id);
    const elsewhere = (await rest.post(Routes.channelMessages(standin.channelIds[1]!), { body: { content: "x", nonce: "abc", enforce_nonce: true } })) as any;
    expect(elsewhere.id).not.toBe(first.id);
    expect(standin.messagesIn(channelId).map((m) => m.id)).toEqual([first.id, loose.id]);
    // The nonce now points at the latest post with it.
    const third = (await rest.post(Routes.channelMessages(channelId), { body: { content: "z", nonce: "abc", enforce_nonce: true } })) as any;
    expect(third.id).toBe(loose.id);
  });

  it("dedupes discord.js sends with enforceNonce, including after a 429 retry", async () => {
    const channel = (await bot.client.channels.fetch(standin.channelIds[2]!)) as TextChannel;
    const a = await channel.send({ content: "digest", nonce: "digest-1", enforceNonce: true });
    const b = await channel.send({ content: "digest", nonce: "digest-1", enforceNonce: true });
    expect(b.id).toBe(a.id);
    standin.failRoute(/^POST \/channels\/\d+\/messages$/, 429, { message: "You are being rate limited.", retry_after: 0.05, global: false }, { times: 1 });
    const c = await channel.send({ content: "digest", nonce: "digest-1", enforceNonce: true });
    expect(c.id).toBe(a.id);
    expect(standin.messagesIn(channel.id).filter((m) => m.nonce === "digest-1")).toHaveLength(1);
  });

  it("messagesIn reflects creates, edits and deletes, in creation order, and skips ephemeral replies", async () => {
    const channel = (await bot.client.channels.fetch(standin.channelIds[2]!)) as TextChannel;
    const start = standin.messagesIn(channel.id).length;
    const one = await channel.send({ content: "one", embeds: [{ title: "First" }] });
    const two = await channel.send("two");
    const three = await channel.send("three");
    await one.edit({ content: "one (edited)", components: [] });
    await two.delete();
    const list = standin.messagesIn(channel.id).slice(start);
    expect(list.map((m) => [m.id, m.content, m.edited])).toEqual([[one.id, "one (edited)", true], [three.id, "three", false]]);
    expect(list[0]!.embeds).toEqual([{ title: "First" }]);
    expect(list[0]!.channel_id).toBe(channel.id);
    expect(list[1]!.nonce).toBe(three.nonce); // discord.js sent a nonce; it is kept as given
    list[0]!.content = "mutated";
    expect(standin.messagesIn(channel.id)[start]!.content).toBe("one (edited)"); // a snapshot, not the live object
    // Interaction replies count as the bot's messages in their channel; ephemeral ones do not.
    const general = standin.messagesIn(standin.channelIds[0]!);
    expect(general.some((m) => m.embeds[0]?.title === "Answer")).toBe(true);
    expect(general.some((m) => m.content === "just for you")).toBe(false);
    expect(standin.messagesIn("1234567890123456789")).toEqual([]);
  });

  it("resolves a CHANNEL option so interaction.options.getChannel returns the channel", async () => {
    const target = standin.channelIds[1]!;
    const { id } = standin.slashCommand("where", [{ name: "channel", type: 7, value: target }]);
    const interaction = (await seenInteraction(bot, id)) as ChatInputCommandInteraction;
    const channel = interaction.options.getChannel("channel", true, [ChannelType.GuildText]);
    expect(channel.id).toBe(target);
    expect(channel.name).toBe("news-1");
    expect(channel.type).toBe(ChannelType.GuildText);
    expect(interaction.options.resolved?.channels?.get(target)?.id).toBe(target);
    expect(channel.permissions?.bitfield).toBe(BigInt(EVERYONE_PERMISSIONS)); // the invoking member's, as on Discord
    expect(channel.appPermissions?.bitfield).toBe(BigInt(BOT_PERMISSIONS)); // the bot's (no overwrites here)
    expect(bot.client.channels.cache.get(target)?.isTextBased()).toBe(true);

    // Nested in a subcommand, and an id the stand-in does not know (not resolved, like a channel the bot cannot see).
    const nested = standin.slashCommand("config", [{ name: "set", type: 1, options: [{ name: "channel", type: 7, value: standin.channelIds[2]! }] }]);
    const sub = (await seenInteraction(bot, nested.id)) as ChatInputCommandInteraction;
    expect(sub.options.getSubcommand()).toBe("set");
    expect(sub.options.getChannel("channel")?.id).toBe(standin.channelIds[2]);
    const unknownChannel = standin.slashCommand("where", [{ name: "channel", type: 7, value: "1234567890123456789" }]);
    expect(((await seenInteraction(bot, unknownChannel.id)) as ChatInputCommandInteraction).options.getChannel("channel")).toBeNull();
  });

  it("sends memberPermissions as member.permissions for slash commands and buttons", async () => {
    const none = standin.slashCommand("noop", [], { memberPermissions: "0" });
    const denied = await seenInteraction(bot, none.id);
    expect(denied.memberPermissions?.has("ManageChannels")).toBe(false);
    expect(denied.memberPermissions?.bitfield).toBe(0n);

    const manager = standin.slashCommand("noop", [], { memberPermissions: PermissionFlagsBits.ManageChannels.toString() });
    expect((await seenInteraction(bot, manager.id)).memberPermissions?.has("ManageChannels")).toBe(true);

    const byDefault = standin.slashCommand("noop");
    const plain = await seenInteraction(bot, byDefault.id);
    expect(plain.memberPermissions?.bitfield).toBe(BigInt(EVERYONE_PERMISSIONS)); // unchanged default
    expect(plain.appPermissions?.has("SendMessages")).toBe(true);
    expect(plain.appPermissions?.has("Administrator")).toBe(false); // the bot is not an administrator

    const click = standin.button("noop-button", { memberPermissions: "0" });
    expect((await seenInteraction(bot, click.id)).memberPermissions?.bitfield).toBe(0n);
    const adminClick = standin.button("noop-button", { memberPermissions: ALL_PERMISSIONS });
    expect((await seenInteraction(bot, adminClick.id)).memberPermissions?.has("Administrator")).toBe(true);
  });

  it("delayRoute holds back answers for the given number of requests", async () => {
    const rest = new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN);
    // A delay far beyond a busy machine's own slowness: the second request, not delayed, answers well inside it.
    standin.delayRoute(/^GET \/channels\/\d+$/, 1_500, { times: 1 });
    let t = performance.now();
    await rest.get(Routes.channel(standin.channelIds[0]!));
    expect(performance.now() - t).toBeGreaterThanOrEqual(1_490);
    t = performance.now();
    await rest.get(Routes.channel(standin.channelIds[0]!));
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it("a post that times out is created once: the retry meets the first attempt's nonce", async () => {
    const channelId = standin.channelIds[2]!;
    const rest = new REST({ api: standin.apiUrl, timeout: 150, retries: 1 }).setToken(FAKE_TOKEN);
    const before = standin.requests.length;
    standin.delayRoute(/^POST \/channels\/\d+\/messages$/, 600, { times: 1 });
    const t = performance.now();
    const sent = (await rest.post(Routes.channelMessages(channelId), { body: { content: "slow", nonce: "slow-1", enforce_nonce: true } })) as any;
    expect(performance.now() - t).toBeGreaterThanOrEqual(140); // the first attempt was abandoned after the timeout
    expect(performance.now() - t).toBeLessThan(550); // the retry was answered at once
    const posts = standin.requests.slice(before).filter(postsTo(channelId));
    expect(posts).toHaveLength(2);
    expect(standin.messagesIn(channelId).filter((m) => m.nonce === "slow-1").map((m) => m.id)).toEqual([sent.id]);

    // Without enforce_nonce the same timeout leaves a duplicate, which is why bots should send it.
    standin.delayRoute(/^POST \/channels\/\d+\/messages$/, 600, { times: 1 });
    await rest.post(Routes.channelMessages(channelId), { body: { content: "slow", nonce: "slow-2" } });
    expect(standin.messagesIn(channelId).filter((m) => m.nonce === "slow-2")).toHaveLength(2);
  });

  it("clearFailures also clears delays", async () => {
    standin.delayRoute(/^GET \/channels\/\d+$/, 1000);
    standin.clearFailures();
    const t = performance.now();
    await new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN).get(Routes.channel(standin.channelIds[0]!));
    expect(performance.now() - t).toBeLessThan(500);
  });

  it("a 429 on a channel post makes discord.js wait retry_after, then retry once", async () => {
    standin.failRoute(/^POST \/channels\/\d+\/messages$/, 429, { message: "You are being rate limited.", retry_after: 0.3, global: false }, { times: 1 });
    // An unexpected 429 (Retry-After without X-RateLimit-Remaining: 0) emits no RateLimited event; watch the responses.
    const statuses: number[] = [];
    const onResponse = (request: { method: string; path: string }, response: { status: number }) => {
      if (request.method === "POST" && request.path.endsWith("/messages")) statuses.push(response.status);
    };
    bot.client.rest.on(RESTEvents.Response, onResponse);
    try {
      const channel = (await bot.client.channels.fetch(standin.channelIds[2]!)) as TextChannel;
      const before = standin.requests.length;
      expect((await channel.send("after a long rate limit")).content).toBe("after a long rate limit");
      const posts = standin.requests.slice(before).filter(postsTo(channel.id));
      expect(posts).toHaveLength(2);
      expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(290);
      expect(statuses).toEqual([429, 200]);
    } finally {
      bot.client.rest.off(RESTEvents.Response, onResponse);
    }
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

describe("a guild with 50 channels and permission overwrites", () => {
  const guildId = snowflake();
  const botUserId = snowflake();
  const botRoleId = snowflake();
  const ids = Array.from({ length: 50 }, () => snowflake());
  const SEND = PermissionFlagsBits.SendMessages.toString(); // "2048"
  const EMBED = PermissionFlagsBits.EmbedLinks.toString(); // "16384"
  let standin: Standin;
  let bot: ReturnType<typeof makeClient>;

  beforeAll(async () => {
    standin = await startStandin({
      guildId, botUserId, botRoleId, channelIds: ids,
      channelOverwrites: {
        [ids[1]!]: [{ id: guildId, type: 0, allow: "0", deny: SEND }], // @everyone may not post
        [ids[2]!]: [{ id: guildId, type: 0, allow: "0", deny: EMBED }], // @everyone may not embed links
        [ids[3]!]: [{ id: guildId, type: 0, allow: "0", deny: SEND }, { id: botUserId, type: 1, allow: SEND, deny: "0" }],
        [ids[4]!]: [{ id: guildId, type: 0, allow: "0", deny: SEND }, { id: botRoleId, type: 0, allow: SEND, deny: "0" }],
        [ids[5]!]: [{ id: guildId, type: 0, allow: "0", deny: PermissionFlagsBits.ViewChannel.toString() }],
      },
    });
    bot = makeClient(standin);
    await login(bot.client);
  });
  afterEach(() => standin.clearFailures());
  afterAll(async () => {
    await bot.client.destroy();
    await standin.close();
  });

  it("sends all 50 channels, a non-administrator bot and an @everyone role discord.js can compute with", () => {
    const guild = bot.client.guilds.cache.get(guildId)!;
    expect(guild.channels.cache.size).toBe(50);
    expect([...guild.channels.cache.keys()].sort()).toEqual([...ids].sort());
    expect(guild.ownerId).not.toBe(botUserId);
    const me = guild.members.me!;
    expect(me.id).toBe(botUserId);
    expect(me.roles.cache.has(botRoleId)).toBe(true);
    expect(me.permissions.has("Administrator")).toBe(false);
    expect(guild.roles.everyone.permissions.has(["ViewChannel", "SendMessages", "EmbedLinks", "ReadMessageHistory"])).toBe(true);
    expect(standin.botRoleId).toBe(botRoleId);
  });

  it("channel.permissionsFor(client.user) reflects the overwrites", () => {
    const permsIn = (id: string) => (bot.client.channels.cache.get(id) as TextChannel).permissionsFor(bot.client.user!)!;
    expect(permsIn(ids[0]!).has("SendMessages")).toBe(true);
    expect(permsIn(ids[0]!).has("EmbedLinks")).toBe(true);
    expect(permsIn(ids[1]!).has("SendMessages")).toBe(false);
    expect(permsIn(ids[1]!).has("EmbedLinks")).toBe(true);
    expect(permsIn(ids[2]!).has("EmbedLinks")).toBe(false);
    expect(permsIn(ids[2]!).has("SendMessages")).toBe(true);
    expect(permsIn(ids[3]!).has("SendMessages")).toBe(true); // member overwrite allows it again
    expect(permsIn(ids[4]!).has("SendMessages")).toBe(true); // the bot role's overwrite allows it again
    expect(permsIn(ids[5]!).has("ViewChannel")).toBe(false);
    for (const id of ids.slice(6)) expect(permsIn(id).has(["ViewChannel", "SendMessages", "EmbedLinks"])).toBe(true);
  });

  it("posting where the overwrites forbid it answers 403 like Discord", async () => {
    const denied = bot.client.channels.cache.get(ids[1]!) as TextChannel;
    const error = await denied.send("nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    const hidden = bot.client.channels.cache.get(ids[5]!) as TextChannel;
    expect(((await hidden.send("nope").catch((e: unknown) => e)) as DiscordAPIError).code).toBe(50001);
    expect(standin.messagesIn(ids[1]!)).toEqual([]);
    expect((await (bot.client.channels.cache.get(ids[3]!) as TextChannel).send("allowed for me")).content).toBe("allowed for me");
  });

  it("sends the bot's channel permissions as app_permissions and in resolved channels", async () => {
    const { id } = standin.slashCommand("where", [{ name: "channel", type: 7, value: ids[1]! }], { channelId: ids[2]! });
    const interaction = (await seenInteraction(bot, id)) as ChatInputCommandInteraction;
    const computedIn = (channelId: string) => (bot.client.channels.cache.get(channelId) as TextChannel).permissionsFor(bot.client.user!)!.bitfield;
    expect(interaction.appPermissions.bitfield).toBe(computedIn(ids[2]!));
    expect(interaction.appPermissions.has("EmbedLinks")).toBe(false);
    const channel = interaction.options.getChannel("channel", true, [ChannelType.GuildText]);
    expect(channel.id).toBe(ids[1]);
    expect(channel.appPermissions?.bitfield).toBe(computedIn(ids[1]!));
    expect(channel.appPermissions?.has("SendMessages")).toBe(false);
    expect(channel.permissions?.has("SendMessages")).toBe(false); // the invoking member is only @everyone
    const raw = new PermissionsBitField(BigInt(EVERYONE_PERMISSIONS)).remove("SendMessages").bitfield;
    expect(channel.permissions?.bitfield).toBe(raw);

    const admin = standin.slashCommand("where", [{ name: "channel", type: 7, value: ids[1]! }], { memberPermissions: ALL_PERMISSIONS });
    const adminChannel = ((await seenInteraction(bot, admin.id)) as ChatInputCommandInteraction).options.getChannel("channel", true, [ChannelType.GuildText]);
    expect(adminChannel.permissions?.has("SendMessages")).toBe(true); // administrators ignore overwrites
  });

  it("deleteChannel: 404 Unknown Channel for every request, CHANNEL_DELETE to the bot", async () => {
    const gone = ids[48]!;
    const channel = bot.client.channels.cache.get(gone) as TextChannel;
    await channel.send("before");
    expect(standin.messagesIn(gone)).toHaveLength(1);
    standin.deleteChannel(gone);
    await expect.poll(() => bot.client.channels.cache.has(gone)).toBe(false);
    const error = await channel.send("after").catch((e: unknown) => e); // a stale reference still reaches REST
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 10003, status: 404, rawError: { code: 10003, message: "Unknown Channel" } });
    const fetchError = await bot.client.channels.fetch(gone).catch((e: unknown) => e);
    expect((fetchError as DiscordAPIError).code).toBe(10003);
    for (const [method, path] of [["GET", ""], ["POST", "/typing"], ["GET", "/pins"], ["DELETE", "/messages/1234567890123456789"]] as const) {
      const res = await fetch(`${standin.apiUrl}/v10/channels/${gone}${path}`, { method });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ code: 10003, message: "Unknown Channel" });
    }
    expect(standin.messagesIn(gone)).toEqual([]);
    const listed = (await new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN).get(Routes.guildChannels(guildId))) as any[];
    expect(listed.map((c) => c.id)).not.toContain(gone);
    expect(listed).toHaveLength(49);
  });

  it("deleteChannel with notify: false leaves the bot's cache stale", async () => {
    const gone = ids[49]!;
    standin.deleteChannel(gone, { notify: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const channel = bot.client.channels.cache.get(gone) as TextChannel;
    expect(channel).toBeDefined();
    expect(((await channel.send("into the void").catch((e: unknown) => e)) as DiscordAPIError).code).toBe(10003);
  });
});

describe("stand-in options without a client", () => {
  it("generates channelCount channels", async () => {
    const standin = await startStandin({ channelCount: 50 });
    try {
      expect(standin.channelIds).toHaveLength(50);
      expect(new Set(standin.channelIds).size).toBe(50);
      const listed = (await new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN).get(Routes.guildChannels(standin.guildId))) as any[];
      expect(listed.map((c) => c.id)).toEqual(standin.channelIds);
      expect(listed.every((c) => c.type === 0 && /^\d{17,19}$/.test(c.id))).toBe(true);
    } finally {
      await standin.close();
    }
  });

  it("forgets a nonce after nonceWindowMs", async () => {
    const standin = await startStandin({ nonceWindowMs: 100 });
    try {
      const rest = new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN);
      const route = Routes.channelMessages(standin.channelIds[0]!);
      const body = { content: "x", nonce: 42, enforce_nonce: true };
      const first = (await rest.post(route, { body })) as any;
      expect(((await rest.post(route, { body })) as any).id).toBe(first.id);
      await new Promise((resolve) => setTimeout(resolve, 150));
      const later = (await rest.post(route, { body })) as any;
      expect(later.id).not.toBe(first.id);
      expect(standin.messagesIn(standin.channelIds[0]!).map((m) => [m.id, m.nonce])).toEqual([[first.id, 42], [later.id, 42]]);
    } finally {
      await standin.close();
    }
  });

  it("rejects channelOverwrites for a channel it does not have", async () => {
    await expect(startStandin({ channelIds: ["1234567890123456789"], channelOverwrites: { "9876543210987654321": [] } })).rejects.toThrow(/not one of channelIds/);
  });
});

describe("guild ids and shards", () => {
  it("guildIdForShard makes distinct 19-digit ids on the shard Discord's formula gives", () => {
    const ids = [0, 1, 2].flatMap((shard) => [0, 1, 2].map((n) => ({ shard, id: guildIdForShard(shard, 3, n) })));
    expect(new Set(ids.map((x) => x.id)).size).toBe(9);
    for (const { shard, id } of ids) {
      expect(id).toMatch(/^\d{19}$/);
      expect(Number((BigInt(id) >> 22n) % 3n)).toBe(shard);
      expect(shardOf(id, 3)).toBe(shard);
    }
    expect(guildIdForShard(1, 3, 2)).toBe(ids[5]!.id); // the same arguments give the same id
    expect(() => guildIdForShard(2, 2)).toThrow(/not in 0..1/);
  });

  it("GET /gateway/bot names the shard count; guilds can be placed on shards or given by id", async () => {
    const onShard1 = guildIdForShard(1, 4, 7);
    const standin = await startStandin({ shardCount: 4, guilds: [{ shard: 3, channelCount: 1 }, { id: onShard1 }, { shard: 3 }] });
    try {
      const gateway = (await new REST({ api: standin.apiUrl }).setToken(FAKE_TOKEN).get(Routes.gatewayBot())) as any;
      expect(gateway.shards).toBe(4);
      expect(standin.shardCount).toBe(4);
      expect(standin.guilds.map((g) => g.shard)).toEqual([3, 1, 3]);
      expect(standin.guilds[1]!.id).toBe(onShard1);
      expect(standin.guilds[0]!.id).not.toBe(standin.guilds[2]!.id);
      expect(standin.guildId).toBe(standin.guilds[0]!.id);
      expect(standin.channelIds).toEqual(standin.guilds[0]!.channelIds);
      expect(standin.guilds.map((g) => g.channelIds.length)).toEqual([1, 3, 3]);
    } finally {
      await standin.close();
    }
    await expect(startStandin({ shardCount: 2, guilds: [{ id: guildIdForShard(0, 2), shard: 1 }] })).rejects.toThrow(/on shard 0 of 2, not 1/);
    await expect(startStandin({ guilds: [{}], channelCount: 2 })).rejects.toThrow(/either guilds or/);
  });

  it("refuses an IDENTIFY with another shard count (4011) or a shard outside it (4010)", async () => {
    const standin = await startStandin({ shardCount: 2 });
    /** The close code the gateway answers this IDENTIFY's shard field with. */
    const closeCodeFor = (shard: unknown) => new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(standin.apiUrl.replace(/^http/, "ws").replace(/\/api$/, "/gateway"));
      ws.on("open", () => ws.send(JSON.stringify({ op: 2, d: { token: FAKE_TOKEN, intents: 1, shard, properties: {} } })));
      ws.on("close", (code) => resolve(code));
      ws.on("error", reject);
    });
    try {
      expect(await closeCodeFor([0, 3])).toBe(4011);
      expect(await closeCodeFor(undefined)).toBe(4011); // no shard field means [0, 1]
      expect(await closeCodeFor([2, 2])).toBe(4010);
      expect(standin.identifyCount).toBe(3);
      expect(standin.identifiesByShard).toEqual([0, 0]);
      expect(standin.deliveries).toEqual([]);
    } finally {
      await standin.close();
    }
  });
});

describe("a stand-in with two shards and two discord.js clients, one per shard", () => {
  let standin: Standin;
  let bots: ReturnType<typeof makeClient>[];
  const shardedClient = (shard: number) => makeClient(standin, { shards: [shard], shardCount: 2, partials: [Partials.Channel] });
  const guildsOn = (shard: number) => standin.guilds.filter((g) => g.shard === shard);

  beforeAll(async () => {
    standin = await startStandin({ shardCount: 2, guilds: [{ shard: 0 }, { shard: 1 }, { shard: 1 }, { shard: 0 }] });
    bots = [shardedClient(0), shardedClient(1)];
    await Promise.all(bots.map((b) => login(b.client)));
  });
  afterEach(() => standin.clearFailures());
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.client.destroy()));
    await standin.close();
  });

  it("each client holds exactly the guilds of its shard, from one IDENTIFY each", () => {
    for (const shard of [0, 1]) {
      const cached = [...bots[shard]!.client.guilds.cache.keys()].sort();
      expect(cached).toEqual(guildsOn(shard).map((g) => g.id).sort());
      expect(cached).toHaveLength(2);
      for (const g of guildsOn(shard)) expect(bots[shard]!.client.guilds.cache.get(g.id)?.channels.cache.size).toBe(3);
    }
    expect(standin.identifiesByShard).toEqual([1, 1]);
    expect(standin.connectedShards()).toEqual([0, 1]);
    const guildCreates = standin.deliveries.filter((d) => d.t === "GUILD_CREATE");
    expect(guildCreates.map((d) => [d.id, d.shard])).toEqual(expect.arrayContaining(standin.guilds.map((g) => [g.id, g.shard])));
    expect(guildCreates).toHaveLength(4);
    const connectionOf = (shard: number) => standin.deliveries.find((d) => d.t === "READY" && d.shard === shard)!.connection;
    expect(connectionOf(0)).not.toBe(connectionOf(1));
  });

  it("an interaction in each guild reaches only the client of its shard and is answered once", async () => {
    const ask = (guildId: string) => standin.slashCommand("ask", [{ name: "question", type: 3, value: `in ${guildId}` }], { guildId });
    const sent = standin.guilds.map((g) => ({ guild: g, ...ask(g.id) }));
    for (const { id, guild, shard, delivered } of sent) {
      expect({ shard, delivered }).toEqual({ shard: guild.shard, delivered: true });
      expect((await standin.waitForRequest(callbackOf(id))).body.data.embeds[0].description).toBe(`You asked: in ${guild.id}`);
      const own = await seenInteraction(bots[guild.shard]!, id);
      expect(own.guildId).toBe(guild.id);
      expect(bots[1 - guild.shard]!.seen.some((i) => i.id === id)).toBe(false);
      const deliveries = standin.deliveries.filter((d) => d.t === "INTERACTION_CREATE" && d.id === id);
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ guildId: guild.id, shard: guild.shard, replayed: false });
      expect(standin.requests.filter(callbackOf(id))).toHaveLength(1);
    }
    expect(bots.flatMap((b) => b.errors)).toEqual([]);
  });

  it("a mention in a guild goes to its shard; a direct message and a DM command go to shard 0", async () => {
    const onShard1 = guildsOn(1)[1]!;
    const mention = standin.message(`<@${standin.botUserId}> hello`, { guildId: onShard1.id });
    expect(mention.shard).toBe(1);
    const reply = await standin.waitForRequest((r) => r.body?.message_reference?.message_id === mention.id);
    expect(reply.path).toBe(`/channels/${onShard1.channelIds[0]}/messages`);
    expect(bots[0]!.received.some((m) => m.id === mention.id)).toBe(false);

    const dm = standin.message("hello in private", { dm: true });
    expect(dm).toMatchObject({ shard: 0, delivered: true });
    await expect.poll(() => bots[0]!.received.some((m) => m.id === dm.id)).toBe(true);
    expect(bots[1]!.received.some((m) => m.id === dm.id)).toBe(false);

    const command = standin.slashCommand("ask", [{ name: "question", type: 3, value: "dm" }], { dm: true });
    expect(command.shard).toBe(0);
    await standin.waitForRequest(callbackOf(command.id));
    expect((await seenInteraction(bots[0]!, command.id)).guildId).toBeNull();
    expect(bots[1]!.seen.some((i) => i.id === command.id)).toBe(false);
  });

  it("the bot's own post is echoed only to the shard of the channel's guild, whichever client posted it", async () => {
    const target = guildsOn(0)[0]!;
    // discord.js's channels.fetch gives null for a channel of a guild the client does not hold (another shard's);
    // posting there goes through REST directly, which any process may do.
    expect(await bots[1]!.client.channels.fetch(target.channelIds[1]!)).toBeNull();
    const body = { content: "posted by the shard-1 process" };
    const sent = (await bots[1]!.client.rest.post(Routes.channelMessages(target.channelIds[1]!), { body })) as any;
    await expect.poll(() => bots[0]!.received.some((m) => m.id === sent.id)).toBe(true);
    expect(standin.deliveries.filter((d) => d.t === "MESSAGE_CREATE" && d.id === sent.id).map((d) => d.shard)).toEqual([0]);
    expect(bots[1]!.received.some((m) => m.id === sent.id)).toBe(false);
  });

  it("an event for a shard whose connection dropped waits for that shard's RESUME; the other shard is untouched", async () => {
    const before = standin.deliveries.length;
    const guild = guildsOn(1)[0]!;
    standin.dropGateway(4000, { shard: 1 });
    expect(standin.connectedShards()).toEqual([0]);
    const missed = standin.slashCommand("ask", [{ name: "question", type: 3, value: "while shard 1 was away" }], { guildId: guild.id });
    expect(missed).toMatchObject({ shard: 1, delivered: false });
    expect((await standin.waitForRequest(callbackOf(missed.id))).body.type).toBe(4);
    expect(standin.deliveries.find((d) => d.id === missed.id)).toMatchObject({ shard: 1, replayed: true });
    expect(standin.resumeCount).toBe(1);
    expect(standin.identifiesByShard).toEqual([1, 1]);
    expect(standin.deliveries.slice(before).filter((d) => d.shard === 0)).toEqual([]);
    await expect.poll(() => standin.connectedShards()).toEqual([0, 1]);
  });

  it("counts channel posts toward the global limit and leaves interaction callbacks out", async () => {
    const before = standin.requests.length;
    const timesBefore = standin.globalRequestTimes.length;
    const commands = standin.guilds.map((g) => standin.slashCommand("ask", [{ name: "question", type: 3, value: "count me" }], { guildId: g.id }));
    await Promise.all(commands.map((c) => standin.waitForRequest(callbackOf(c.id))));
    const posts = await Promise.all(standin.guilds.flatMap((g) => g.channelIds.slice(0, 2).map(async (channelId) => {
      const channel = (await bots[g.shard]!.client.channels.fetch(channelId)) as TextChannel; // from the cache: no request
      return channel.send(`post to ${channelId}`);
    })));
    expect(posts).toHaveLength(8);
    const made = standin.requests.slice(before);
    expect(made.filter((r) => r.path.endsWith("/callback"))).toHaveLength(4);
    expect(standin.globalRequestTimes.slice(timesBefore)).toEqual(made.filter((r) => r.path.endsWith("/messages")).map((r) => r.at));
    expect(standin.globalRequestTimes.slice(timesBefore)).toHaveLength(8);
    expect(standin.maxRequestsInAnyWindow(60_000)).toBe(standin.globalRequestTimes.length);
  });
});

describe("events for a shard that has not connected yet", () => {
  it("wait for that shard's READY and then reach it", async () => {
    const standin = await startStandin({ shardCount: 2, guilds: [{ shard: 0 }, { shard: 1 }] });
    const bot = makeClient(standin, { shards: [1], shardCount: 2 });
    try {
      const early = standin.slashCommand("ask", [{ name: "question", type: 3, value: "before login" }], { guildId: standin.guilds[1]!.id });
      expect(early).toMatchObject({ shard: 1, delivered: false });
      await login(bot.client);
      expect((await standin.waitForRequest(callbackOf(early.id))).body.data.embeds[0].description).toBe("You asked: before login");
      const order = standin.deliveries.map((d) => d.t);
      expect(order.slice(0, 3)).toEqual(["READY", "GUILD_CREATE", "INTERACTION_CREATE"]); // then the echo of the reply
      expect(standin.connectedShards()).toEqual([1]);
    } finally {
      await bot.client.destroy();
      await standin.close();
    }
  });

  it("a discord.js client with another shard count is refused: login fails with 'Sharding is required'", async () => {
    const standin = await startStandin({ shardCount: 2 });
    const bot = makeClient(standin, { shards: [0], shardCount: 3 });
    try {
      await expect(bot.client.login(FAKE_TOKEN)).rejects.toThrow(/Sharding is required/);
      expect(standin.identifyCount).toBe(1);
      expect(standin.identifiesByShard).toEqual([0, 0]);
    } finally {
      await bot.client.destroy();
      await standin.close();
    }
  });
});

describe("Discord's global rate limit", () => {
  it("maxInAnyWindow finds the busiest window", () => {
    expect(maxInAnyWindow([], 1000)).toBe(0);
    expect(maxInAnyWindow([0, 500, 999, 1000, 1001, 3000], 1000)).toBe(4); // 500, 999, 1000, 1001
    expect(maxInAnyWindow([0, 500, 999, 1000, 1001, 3000], 2)).toBe(2);
    expect(maxInAnyWindow([0, 1000, 2000], 1000)).toBe(1); // a window is [start, start + ms)
  });

  it("globalLimitPerSecond answers 429 global with Discord's headers, never for interaction callbacks", async () => {
    const standin = await startStandin({ globalLimitPerSecond: 3 });
    try {
      const get = () => fetch(`${standin.apiUrl}/v10/channels/${standin.channelIds[0]}`, { headers: { authorization: `Bot ${FAKE_TOKEN}` } });
      for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
      const refused = await get();
      expect(refused.status).toBe(429);
      expect(refused.headers.get("x-ratelimit-global")).toBe("true");
      expect(refused.headers.get("x-ratelimit-scope")).toBe("global");
      expect(refused.headers.get("retry-after")).toBe("1");
      const body = await refused.json();
      expect(body).toMatchObject({ message: "You are being rate limited.", global: true });
      expect(body.retry_after).toBeGreaterThan(0);
      expect(body.retry_after).toBeLessThanOrEqual(1);

      const { id, token } = standin.slashCommand("ask");
      const callback = await fetch(`${standin.apiUrl}/v10/interactions/${id}/${token}/callback`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ type: 4, data: { content: "still fine" } }),
      });
      expect(callback.status).toBe(204);
      expect(standin.globalRequestTimes).toHaveLength(4); // the refused request counts as seen, the callback does not
      expect(standin.requests.map((r) => r.status)).toEqual([200, 200, 200, 429, 204]);
    } finally {
      await standin.close();
    }
  });

  it("discord.js waits out a global 429 and every post lands once", async () => {
    const standin = await startStandin({ globalLimitPerSecond: 3 });
    try {
      const rest = new REST({ api: standin.apiUrl, globalRequestsPerSecond: 1e6 }).setToken(FAKE_TOKEN);
      const route = Routes.channelMessages(standin.channelIds[0]!);
      await Promise.all(Array.from({ length: 5 }, (_, i) => rest.post(route, { body: { content: `post ${i}` } })));
      expect(standin.messagesIn(standin.channelIds[0]!).map((m) => m.content).sort()).toEqual(["post 0", "post 1", "post 2", "post 3", "post 4"]);
      // discord.js sends one route's requests one at a time: the fourth is refused, then it and the fifth wait for the next window.
      expect(standin.requests.map((r) => r.status)).toEqual([200, 200, 200, 429, 200, 200]);
      expect(standin.requests[4]!.at - standin.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    } finally {
      await standin.close();
    }
  });
});
