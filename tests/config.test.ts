import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.config-test-token-0000000000";
const PUBLIC_KEY = "ab".repeat(32);

describe("configuration", () => {
  it("needs nothing to run the local console on the bundled corpus", () => {
    expect(loadConfig({})).toMatchObject({ discordToken: null, discordClientId: null, discordGuildId: null, logLevel: "info", discordApiUrl: null });
    expect(loadConfig({}).corpusDir).toMatch(/corpus$/);
  });

  it("reads every variable", () => {
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: "123456789012345678", DISCORD_GUILD_ID: "223456789012345678", CORPUS_DIR: "corpus", LOG_LEVEL: "debug", DISCORD_API_URL: "http://127.0.0.1:9999/api/" });
    expect(config).toMatchObject({ discordToken: TOKEN, discordClientId: "123456789012345678", discordGuildId: "223456789012345678", logLevel: "debug", discordApiUrl: "http://127.0.0.1:9999/api" });
    expect(loadConfig({ FEEDS: "https://a.example.com/feed, https://b.example.com/rss", FEED_POLL_MINUTES: "5", DATA_DIR: "/tmp/x" })).toMatchObject({ feeds: ["https://a.example.com/feed", "https://b.example.com/rss"], feedPollMinutes: 5, dataDir: "/tmp/x", feedsAllowPrivate: false });
  });

  it("reads the shared database and the shards as discord.js does", () => {
    expect(loadConfig({})).toMatchObject({ databaseUrl: null, shards: null, shardCount: null });
    expect(loadConfig({ DATABASE_URL: "postgres://u:p@db:5432/newsdesk", SHARDS: "[1,0,1]", SHARD_COUNT: "4" })).toMatchObject({ databaseUrl: "postgres://u:p@db:5432/newsdesk", shards: [0, 1], shardCount: 4 });
    expect(loadConfig({ SHARDS: "3", SHARD_COUNT: "4" })).toMatchObject({ shards: [3], shardCount: 4 });
    expect(loadConfig({ SHARD_COUNT: "2" })).toMatchObject({ shards: null, shardCount: 2 });
  });

  it("never shows the database password in its messages", () => {
    expect(() => loadConfig({ DATABASE_URL: "mysql://root:hunter2@db/newsdesk" })).not.toThrow(/hunter2/);
  });

  it("reads the HTTP server's settings: the public key, the port (HTTP_PORT, else PORT), the interactions-only switch", () => {
    expect(loadConfig({})).toMatchObject({ discordPublicKey: null, httpPort: null, httpHost: "0.0.0.0", interactionsOnly: false });
    expect(loadConfig({ PORT: "3000" }).httpPort).toBe(3000);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_PUBLIC_KEY: PUBLIC_KEY.toUpperCase(), HTTP_PORT: "8080", PORT: "3000", HTTP_HOST: "127.0.0.1", INTERACTIONS_ONLY: "yes" }))
      .toMatchObject({ discordPublicKey: PUBLIC_KEY, httpPort: 8080, httpHost: "127.0.0.1", interactionsOnly: true });
  });

  it.each([
    [{ DISCORD_TOKEN: "has spaces in it and is long enough" }, /DISCORD_TOKEN does not look like a bot token/],
    [{ DISCORD_CLIENT_ID: "my-app" }, /DISCORD_CLIENT_ID must be a Discord id \(17-20 digits\), not "my-app"/],
    [{ DISCORD_GUILD_ID: "12" }, /DISCORD_GUILD_ID must be a Discord id/],
    [{ LOG_LEVEL: "verbose" }, /LOG_LEVEL must be one of/],
    [{ DISCORD_API_URL: "discord.com" }, /DISCORD_API_URL must be an http\(s\) URL/],
    [{ CORPUS_DIR: "/nonexistent/corpus" }, /CORPUS_DIR points to \/nonexistent\/corpus, which is not a folder/],
    [{ FEEDS: "https://ok.example.com/feed, not a url" }, /FEEDS must be comma-separated http\(s\) URLs; "not a url" is not one/],
    [{ FEED_POLL_MINUTES: "0" }, /FEED_POLL_MINUTES must be a number of minutes from 1 to 1440/],
    [{ POSTS_PER_CHANNEL_PER_HOUR: "lots" }, /POSTS_PER_CHANNEL_PER_HOUR must be a whole number/],
    [{ FEEDS_ALLOW_PRIVATE_ADDRESSES: "maybe" }, /FEEDS_ALLOW_PRIVATE_ADDRESSES must be true or false/],
    [{ DATABASE_URL: "mysql://root:hunter2@db/newsdesk" }, /DATABASE_URL must be a PostgreSQL URL such as postgres:\/\/user:password@host:5432\/newsdesk, not "mysql:\/\/root:\*\*\*@db\/newsdesk"/],
    [{ DATABASE_URL: "not a url" }, /DATABASE_URL must be a PostgreSQL URL/],
    [{ SHARDS: "[0,1]" }, /SHARDS needs SHARD_COUNT/],
    [{ SHARDS: "zero", SHARD_COUNT: "2" }, /SHARDS must be a shard id or a JSON list of them, such as 0 or \[0,1\], not "zero"/],
    [{ SHARDS: "[0,2]", SHARD_COUNT: "2" }, /SHARDS names shard 2, but SHARD_COUNT=2 has shards 0 to 1/],
    [{ SHARD_COUNT: "0" }, /SHARD_COUNT must be the whole number of shards/],
    [{ DISCORD_PUBLIC_KEY: "not-a-key", HTTP_PORT: "8080" }, /DISCORD_PUBLIC_KEY must be the 64 hexadecimal characters/],
    [{ DISCORD_PUBLIC_KEY: PUBLIC_KEY }, /DISCORD_PUBLIC_KEY is set but no port: set HTTP_PORT/],
    [{ HTTP_PORT: "80000" }, /HTTP_PORT must be a port number from 1 to 65535, not "80000"/],
    [{ PORT: "http" }, /PORT must be a port number/],
    [{ INTERACTIONS_ONLY: "true", DISCORD_TOKEN: TOKEN, HTTP_PORT: "8080" }, /INTERACTIONS_ONLY=true needs DISCORD_PUBLIC_KEY and HTTP_PORT/],
    [{ INTERACTIONS_ONLY: "true", DISCORD_PUBLIC_KEY: PUBLIC_KEY, HTTP_PORT: "8080" }, /INTERACTIONS_ONLY=true needs DISCORD_TOKEN/],
    [{ INTERACTIONS_ONLY: "sometimes" }, /INTERACTIONS_ONLY must be true or false/],
  ])("names the variable that is wrong: %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
