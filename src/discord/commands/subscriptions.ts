import { MANAGE_DEFAULTS, manageContext } from "./manage.js";
import type { Command } from "./types.js";

export const subscriptionsCommand: Command = {
  definition: {
    name: "subscriptions",
    description: "This server's subscribed channels, their filters and state",
    ...MANAGE_DEFAULTS,
  },
  alwaysPrivate: true,
  async execute(_input, context) {
    const { guild, delivery } = manageContext(context);
    const items = await Promise.all((await delivery.store.subscriptions(guild.guildId)).map(async (subscription) => ({
      channelId: subscription.channelId,
      include: subscription.include,
      exclude: subscription.exclude,
      digestTime: subscription.digestTime,
      pausedReason: subscription.pausedReason,
      ...(await delivery.store.stats(subscription.id)),
    })));
    return { answer: { type: "subscriptions", items }, ephemeral: true };
  },
};
