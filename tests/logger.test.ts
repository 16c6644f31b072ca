import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.js";

const BOT_TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.redaction-test-bot-token-000000000000";
const INTERACTION_TOKEN = "aW50ZXJhY3Rpb246cmVkYWN0aW9uLXRlc3QtdG9rZW4";
const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"] as const;

function capture() {
  const lines: string[] = [];
  const logger = createLogger("trace", new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
  return { logger, lines };
}

function discordError() {
  const url = `https://discord.com/api/v10/webhooks/1089999999999999999/${INTERACTION_TOKEN}/messages/@original`;
  return new DiscordAPIError({ code: 10015, message: `Unknown Webhook at ${url}` }, 10015, 404, "PATCH", url, { body: { token: BOT_TOKEN } });
}

describe("logs never hold a secret, at any level", () => {
  for (const level of LEVELS) {
    it(`${level}: the bot token as a field, in headers, in config, and interaction tokens in an error's message and URL`, () => {
      const { logger, lines } = capture();
      logger[level]({
        token: BOT_TOKEN,
        interaction: { id: "1", token: INTERACTION_TOKEN },
        request: { headers: { authorization: `Bot ${BOT_TOKEN}` } },
        config: { discordToken: BOT_TOKEN },
        err: discordError(),
      }, "something happened");
      logger[level]({ err: new Error(`fetch failed for https://discord.com/api/v10/interactions/1089999999999999999/${INTERACTION_TOKEN}/callback`) }, "plain error");
      logger[level]({ err: new Error(`login failed with ${BOT_TOKEN}`) }, "bot token in a message");

      expect(lines).toHaveLength(3);
      const output = lines.join("");
      expect(output).not.toContain(BOT_TOKEN);
      expect(output).not.toContain(INTERACTION_TOKEN);
      // The line is still useful: what happened, where, and that something was taken out.
      const first = JSON.parse(lines[0]!);
      expect(first).toMatchObject({ msg: "something happened", token: "[redacted]", config: { discordToken: "[redacted]" } });
      expect(first.err.url).toBe("https://discord.com/api/v10/webhooks/1089999999999999999/[redacted]/messages/@original");
      expect(first.err.message).toContain("/webhooks/1089999999999999999/[redacted]/messages");
    });
  }
});

describe("secrets stay out of the repository", () => {
  it("ignores .env, where the token is kept", () => {
    const ignored = readFileSync(new URL("../.gitignore", import.meta.url), "utf8").split("\n").map((line) => line.trim());
    expect(ignored).toContain(".env");
  });
});
