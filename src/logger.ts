import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "./config.js";

/** Paths pino blanks out wherever they appear in a log line: tokens and authorisation headers. */
export const REDACTED_PATHS = [
  "token",
  "*.token",
  "*.*.token",
  "discordToken",
  "*.discordToken",
  "config.discordToken",
  "headers.authorization",
  "*.headers.authorization",
  "authorization",
  "*.authorization",
];

/** Interaction and webhook tokens inside Discord URLs: each lets its holder post as the bot for 15 minutes. */
const TOKEN_IN_URL = /\/(interactions|webhooks)\/(\d+)\/[^/?\s"]+/g;

/** A bot token's shape: the bot's id in base64, a timestamp and an HMAC, joined by dots. */
const BOT_TOKEN_SHAPE = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}/g;

/** Removes interaction and webhook tokens, and anything shaped like a bot token, from text (error messages and URLs). */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_IN_URL, "/$1/$2/[redacted]").replace(BOT_TOKEN_SHAPE, "[redacted]");
}

/** Errors as pino logs them, without the tokens discord.js errors carry in `url` and without request bodies. */
function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (!serialized || typeof serialized !== "object") return serialized;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(serialized)) {
    if (key === "requestBody" || key === "rawError") continue;
    clean[key] = typeof value === "string" ? scrubTokens(value) : value;
  }
  return clean;
}

/** The process's logger: JSON lines, secrets redacted. Tests pass a destination to read what was logged. */
export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, base: { app: "newsdesk" }, serializers: { err: serializeError } }, destination);
}

export type { Logger };
