import { REST, Routes } from "discord.js";
import { COMMANDS } from "./commands/index.js";

export interface DeployTarget {
  token: string;
  clientId: string;
  /** Deploy to this guild only (instant); otherwise globally (may take up to an hour to show). */
  guildId?: string | null;
  apiUrl?: string | null;
}

/** Registers the command list with Discord, replacing whatever was registered before. */
export async function deployCommands(target: DeployTarget): Promise<{ scope: string; count: number }> {
  const rest = new REST(target.apiUrl ? { api: target.apiUrl } : {}).setToken(target.token);
  const body = COMMANDS.map((command) => command.definition);
  const route = target.guildId ? Routes.applicationGuildCommands(target.clientId, target.guildId) : Routes.applicationCommands(target.clientId);
  const registered = (await rest.put(route, { body })) as unknown[];
  return { scope: target.guildId ? `guild ${target.guildId}` : "global", count: registered.length };
}
