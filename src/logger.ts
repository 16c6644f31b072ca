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

/** The process's logger: JSON lines, secrets redacted. Tests pass a destination to read what was logged. */
export function createLogger(level: LogLevel = "info", destination?: DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, base: { app: "newsdesk" } }, destination);
}

export type { Logger };
