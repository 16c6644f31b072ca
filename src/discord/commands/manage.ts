import { ApplicationCommandOptionType, ChannelType, InteractionContextType, PermissionFlagsBits, type APIApplicationCommandBasicOption } from "discord.js";
import { UserFacingError } from "../../answers/answer.js";
import type { Delivery } from "../../delivery/delivery.js";
import type { CommandContext, GuildContext } from "./types.js";

/** Subscription commands: Manage Channels by default (server admins can change who sees them), servers only. */
export const MANAGE_DEFAULTS: { default_member_permissions: string; contexts: InteractionContextType[] } = {
  default_member_permissions: String(PermissionFlagsBits.ManageChannels),
  contexts: [InteractionContextType.Guild],
};

export function channelOption(description: string): APIApplicationCommandBasicOption {
  return { type: ApplicationCommandOptionType.Channel, name: "channel", description, required: true, channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement] };
}

/** The guild, the delivery service and the member's permission, or a message saying what is wrong. */
export function manageContext(context: CommandContext): { guild: GuildContext; delivery: Delivery } {
  if (!context.guild) throw new UserFacingError("Subscriptions belong to a server's channels: run this command in a server.");
  if (!context.delivery) throw new UserFacingError("Channel subscriptions are not available in this Newsdesk.");
  if (!context.guild.memberCanManageChannels) throw new UserFacingError("You need the Manage Channels permission to manage Newsdesk subscriptions.");
  return { guild: context.guild, delivery: context.delivery };
}

export function requiredChannel(channelId: string | null): string {
  if (!channelId) throw new UserFacingError("Choose a channel, for example: /subscribe channel:#news");
  return channelId;
}
