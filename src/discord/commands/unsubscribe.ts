import { MANAGE_DEFAULTS, channelOption, manageContext, requiredChannel } from "./manage.js";
import type { Command } from "./types.js";

export const unsubscribeCommand: Command = {
  definition: {
    name: "unsubscribe",
    description: "Stop posting new articles to a channel",
    ...MANAGE_DEFAULTS,
    options: [channelOption("The channel to stop posting in")],
  },
  alwaysPrivate: true,
  async execute(input, context) {
    const { guild, delivery } = manageContext(context);
    const channelId = requiredChannel(input.channel("channel"));
    const removed = await delivery.store.unsubscribe(guild.guildId, channelId);
    return {
      answer: removed
        ? { type: "notice", title: "Unsubscribed", text: `Newsdesk will no longer post in <#${channelId}>.` }
        : { type: "notice", title: "Not subscribed", text: `<#${channelId}> has no subscription. /subscriptions lists this server's.` },
      ephemeral: true,
    };
  },
};
