import { ApplicationCommandOptionType } from "discord.js";
import { UserFacingError } from "../../answers/answer.js";
import { passes } from "../../delivery/filters.js";
import { MANAGE_DEFAULTS, channelOption, manageContext, requiredChannel } from "./manage.js";
import type { Command } from "./types.js";

/** How many recent articles a preview checks against the filters. */
export const PREVIEW_ARTICLES = 10;

export const subscriptionCommand: Command = {
  definition: {
    name: "subscription",
    description: "Look at one channel's subscription",
    ...MANAGE_DEFAULTS,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "preview",
        description: "What the next post would look like, and which recent articles the filters let through",
        options: [channelOption("The subscribed channel")],
      },
    ],
  },
  alwaysPrivate: true,
  async execute(input, context) {
    const { delivery } = manageContext(context);
    if (input.subcommand() !== "preview") throw new UserFacingError("Try /subscription preview channel:#news");
    const channelId = requiredChannel(input.channel("channel"));
    const subscription = await delivery.store.byChannel(channelId);
    if (!subscription || subscription.guildId !== context.guild!.guildId) {
      throw new UserFacingError(`<#${channelId}> has no subscription yet: /subscribe channel:<#${channelId}> starts one.`);
    }
    const recent = delivery.recent({ include: [], exclude: [] }, PREVIEW_ARTICLES, subscription.guildId).map((article) => ({ article, passes: passes(article, subscription) }));
    return { answer: { type: "preview", channelId, next: recent.find((r) => r.passes)?.article ?? null, recent }, ephemeral: true };
  },
};
