#!/usr/bin/env node
// `npm run deploy-commands`: registers the slash commands, in DISCORD_GUILD_ID if set, else globally.
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig } from "../config.js";
import { deployCommands } from "./deploy.js";

loadDotenv({ quiet: true });
try {
  const config = loadConfig();
  if (!config.discordToken) throw new ConfigError("DISCORD_TOKEN is not set: deploying commands needs the bot token (see .env.example).");
  if (!config.discordClientId) throw new ConfigError("DISCORD_CLIENT_ID is not set: copy the Application ID from the Developer Portal into .env.");
  const { scope, count } = await deployCommands({ token: config.discordToken, clientId: config.discordClientId, guildId: config.discordGuildId, apiUrl: config.discordApiUrl });
  process.stdout.write(`Registered ${count} commands (${scope}).\n`);
} catch (error) {
  process.stderr.write(`newsdesk: ${error instanceof ConfigError ? `configuration error: ${error.message}` : `could not deploy commands: ${(error as Error).message}`}\n`);
  process.exitCode = error instanceof ConfigError ? 2 : 1;
}
