import { ApplicationCommandOptionType } from "discord.js";
import { UserFacingError } from "../../answers/answer.js";
import { MAX_BACKFILL } from "../../delivery/delivery.js";
import { parseKeywords } from "../../delivery/filters.js";
import { MANAGE_DEFAULTS, channelOption, manageContext, requiredChannel } from "./manage.js";
import type { Command } from "./types.js";

const DIGEST_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

export const subscribeCommand: Command = {
  definition: {
    name: "subscribe",
    description: "Post each new article to a channel (run again to change the filters or resume)",
    ...MANAGE_DEFAULTS,
    options: [
      channelOption("The channel to post new articles in"),
      { type: ApplicationCommandOptionType.String, name: "include", description: "Only articles naming one of these (comma-separated words or companies)", required: false, max_length: 500 },
      { type: ApplicationCommandOptionType.String, name: "exclude", description: "Never articles naming one of these (comma-separated)", required: false, max_length: 500 },
      { type: ApplicationCommandOptionType.String, name: "digest", description: "Post one digest a day at this time, HH:MM UTC, instead of each article", required: false, max_length: 5 },
      { type: ApplicationCommandOptionType.Integer, name: "backfill", description: `Also post the latest N matching articles now (0-${MAX_BACKFILL}; default 0)`, required: false, min_value: 0, max_value: MAX_BACKFILL },
    ],
  },
  alwaysPrivate: true,
  mayBeSlow: true,
  async execute(input, context) {
    const { guild, delivery } = manageContext(context);
    const channelId = requiredChannel(input.channel("channel"));
    const digestRaw = input.string("digest")?.trim() || null;
    const digest = digestRaw ? DIGEST_TIME.exec(digestRaw) : null;
    if (digestRaw && !digest) throw new UserFacingError(`digest must be a time of day in UTC as HH:MM, for example digest:08:30 (not "${digestRaw}").`);
    const backfill = input.integer("backfill") ?? 0;
    if (!Number.isInteger(backfill) || backfill < 0 || backfill > MAX_BACKFILL) throw new UserFacingError(`backfill must be a whole number from 0 to ${MAX_BACKFILL}, for example backfill:5.`);
    const check = await guild.checkChannel(channelId);
    if (!check.ok) throw new UserFacingError(check.reason);

    const filters = { include: parseKeywords(input.string("include")), exclude: parseKeywords(input.string("exclude")) };
    const digestTime = digest ? `${digest[1]!.padStart(2, "0")}:${digest[2]}` : null;
    const { created, backfilled, subscription } = await delivery.subscribe({ guildId: guild.guildId, channelId, filters, digestTime, createdBy: guild.userId, backfill });
    const lines = [
      created ? `New articles will be posted in <#${channelId}>.` : `Updated the subscription of <#${channelId}>${subscription.pausedReason === null ? "" : ""}; it is active.`,
      filters.include.length ? `Only articles naming: ${filters.include.join(", ")}.` : "Every new article.",
      filters.exclude.length ? `Never articles naming: ${filters.exclude.join(", ")}.` : null,
      digestTime ? `As one digest a day at ${digestTime} UTC.` : "One post per article.",
      created ? (backfilled ? `Posting the latest ${backfilled} matching article${backfilled === 1 ? "" : "s"} now.` : "Articles already in the corpus count as seen.") : null,
    ].filter(Boolean);
    return { answer: { type: "notice", title: created ? "Subscribed" : "Subscription updated", text: lines.join("\n") }, ephemeral: true };
  },
};
