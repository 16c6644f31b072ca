import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from "discord.js";
import { UserFacingError } from "../../answers/answer.js";
import { LIMITS, truncate } from "../../render/limits.js";
import type { Command, CommandContext } from "./types.js";

function feedContext(context: CommandContext) {
  if (!context.guild) throw new UserFacingError("Feeds are managed from a server: run this command in one.");
  if (!context.feeds) throw new UserFacingError("Feeds are not available in this Newsdesk.");
  if (!context.guild.memberCanManageServer) throw new UserFacingError("You need the Manage Server permission to manage Newsdesk's feeds.");
  return { guild: context.guild, feeds: context.feeds };
}

export const feedCommand: Command = {
  definition: {
    name: "feed",
    description: "The RSS and Atom feeds Newsdesk reads summaries from",
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "add",
        description: "Read new summaries from a feed",
        options: [{ type: ApplicationCommandOptionType.String, name: "url", description: "The feed's address, e.g. https://example.com/feed", required: true, max_length: 500 }],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "remove",
        description: "Stop reading a feed and drop its articles",
        options: [{ type: ApplicationCommandOptionType.String, name: "url", description: "The feed to remove", required: true, autocomplete: true, max_length: 500 }],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: "list", description: "Each feed's last success, last error and article count" },
    ],
  },
  alwaysPrivate: true,
  mayBeSlow: true,
  async execute(input, context) {
    const { guild, feeds } = feedContext(context);
    const subcommand = input.subcommand();
    if (subcommand === "list") {
      return { answer: { type: "feeds", items: await feeds.visibleTo(guild.guildId) }, ephemeral: true };
    }
    const url = input.string("url")?.trim() ?? "";
    if (!url) throw new UserFacingError("Give the feed's address, for example: /feed add url:https://example.com/feed");
    if (subcommand === "add") {
      const added = await feeds.add(url, guild.userId, guild.guildId);
      if (!added.ok) throw new UserFacingError(`Cannot add that feed: ${added.reason}. Give an http(s) address, for example: /feed add url:https://example.com/feed`);
      return {
        answer: added.created
          ? { type: "notice", title: "Feed added", text: `Reading ${added.feed.url}. Its articles appear in answers and subscribed channels after the first poll, in a moment; /feed list shows how it went.` }
          : { type: "notice", title: "Already reading that feed", text: `${added.feed.url} has ${added.feed.articles} articles so far.` },
        ephemeral: true,
      };
    }
    if (subcommand === "remove") {
      const removed = await feeds.remove(url, guild.guildId);
      if (!removed.ok) throw new UserFacingError(`Cannot remove ${url}: ${removed.reason}. /feed list shows the feeds.`);
      return { answer: { type: "notice", title: "Feed removed", text: `Stopped reading ${url}; its ${removed.articles} articles left the index.` }, ephemeral: true };
    }
    throw new UserFacingError("Try /feed add, /feed remove or /feed list.");
  },
  async autocomplete(focused, { feeds, guild }) {
    const typed = focused.value.toLowerCase();
    return (guild && feeds ? await feeds.visibleTo(guild.guildId) : [])
      .filter((feed) => feed.origin === "command" && feed.url.toLowerCase().includes(typed))
      .slice(0, LIMITS.choices)
      .map((feed) => ({ name: truncate(feed.url, LIMITS.choiceName), value: feed.url.slice(0, LIMITS.choiceValue) }));
  },
};
