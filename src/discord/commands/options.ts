import { ApplicationCommandOptionType, type APIApplicationCommandBasicOption } from "discord.js";

/** Every command can answer privately, so lookups need not clutter a channel. */
export const PRIVATE_OPTION: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Boolean,
  name: "private",
  description: "Only you see the answer (default: everyone in the channel)",
  required: false,
};

/** Longest query accepted from Discord; longer text gets a message saying so. */
export const MAX_OPTION_LENGTH = 300;
