import {
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  type RepliableInteraction,
} from "discord.js";
import { UserFacingError } from "../answers/answer.js";
import { summary } from "../answers/summary.js";
import type { Logger } from "../logger.js";
import { renderAnswer } from "../render/answer.js";
import type { NewsIndex } from "../search/newsIndex.js";
import { findCommand } from "./commands/index.js";
import type { CommandInput, GuildContext } from "./commands/types.js";
import type { Delivery } from "../delivery/delivery.js";
import type { FeedPoller } from "../feeds/poller.js";
import { answerAgain, PageStore, pagerIds, parsePagerId, parseSharedPagerId, parseStatelessPagerId, sharedPagerIds, statelessPagerIds, type PageRequest } from "./pages.js";
import { GENERIC_APOLOGY, privateNotice, toDiscord } from "./send.js";

/** Above this many articles a search may take long enough that the reply is deferred first. */
export const DEFER_ABOVE_ARTICLES = 20_000;
/** An interaction already this old when it reaches us (a busy process) is deferred before any work. */
export const DEFER_WHEN_OLDER_THAN_MS = 1_500;

/** Whether to defer before answering: a slow command, a corpus over the threshold, or an interaction that reached us late. */
export function shouldDefer(situation: { mayBeSlow: boolean; articles: number; ageMs: number }, deferAboveArticles = DEFER_ABOVE_ARTICLES): boolean {
  return situation.mayBeSlow || situation.articles > deferAboveArticles || situation.ageMs > DEFER_WHEN_OLDER_THAN_MS;
}

export interface InteractionDeps {
  index: () => NewsIndex;
  pages: PageStore;
  logger: Logger;
  /** Channel subscriptions, when the bot has a database. */
  delivery?: () => Delivery | undefined;
  /** Feed polling, when the bot has a database. */
  feeds?: () => FeedPoller | undefined;
  /** Defer before answering when the corpus has more articles than this (default DEFER_ABOVE_ARTICLES). */
  deferAboveArticles?: number;
}

const EXPIRED_PAGES = "These buttons have expired. Run the command again for a fresh answer.";
const NOT_THE_ASKER = "Only the person who asked can turn these pages. Run the command yourself to get your own copy.";

type Outcome = "answered" | "empty" | "user-error" | "expired" | "not-owner" | "error";

/** Routes every interaction; one structured log line each, and no interaction left unanswered. */
export async function handleInteraction(interaction: Interaction, deps: InteractionDeps): Promise<void> {
  const started = performance.now();
  const log = { kind: kindOf(interaction), guildId: interaction.guildId, userId: interaction.user.id, interactionId: interaction.id } as Record<string, unknown>;
  let outcome: Outcome = "answered";
  try {
    if (interaction.isChatInputCommand()) {
      log.command = interaction.commandName;
      log.options = optionsForLog(interaction.options.data);
      outcome = await runCommand(interaction, deps);
    } else if (interaction.isAutocomplete()) {
      log.command = interaction.commandName;
      log.focused = interaction.options.getFocused(true).value;
      await autocomplete(interaction, deps);
    } else if (interaction.isButton()) {
      log.customId = interaction.customId;
      outcome = await pressButton(interaction, deps);
    } else {
      return;
    }
  } catch (error) {
    outcome = error instanceof UserFacingError ? "user-error" : "error";
    if (outcome === "error") deps.logger.error({ ...log, err: error }, "interaction failed");
    if (interaction.isRepliable()) {
      await sendPrivately(interaction, error instanceof UserFacingError ? error.message : GENERIC_APOLOGY).catch((sendError: unknown) =>
        deps.logger.error({ ...log, err: sendError }, "could not tell the user about a failure"));
    } else if (interaction.isAutocomplete() && !interaction.responded) {
      await interaction.respond([]).catch(() => undefined);
    }
  }
  deps.logger.info({ ...log, outcome, latencyMs: Math.round((performance.now() - started) * 100) / 100 }, "interaction");
}

async function runCommand(interaction: ChatInputCommandInteraction, deps: InteractionDeps): Promise<Outcome> {
  const command = findCommand(interaction.commandName);
  if (!command) throw new UserFacingError(`Newsdesk has no /${interaction.commandName} command any more; try /ask.`);
  const wantsPrivate = command.alwaysPrivate === true || (interaction.options.getBoolean("private") ?? false);
  const index = deps.index();
  if (shouldDefer({ mayBeSlow: command.mayBeSlow === true, articles: index.size, ageMs: Date.now() - interaction.createdTimestamp }, deps.deferAboveArticles)) {
    await interaction.deferReply(wantsPrivate ? { flags: MessageFlags.Ephemeral } : {});
  }
  const result = await command.execute(optionsOf(interaction), { index: index.visibleTo(interaction.guildId ?? null), delivery: deps.delivery?.(), feeds: deps.feeds?.(), guild: guildContext(interaction) });
  const first = renderAnswer(result.answer);
  if (first.empty) {
    await sendPrivately(interaction, first.message.content ?? "Nothing found.");
    return "empty";
  }
  const rendered = first.pages > 1
    ? renderAnswer(result.answer, { page: 0, pager: await deps.pages.pagerFor(result.answer, interaction.user.id, result.ephemeral) })
    : first;
  const message = toDiscord(rendered.message);
  if (interaction.deferred) await interaction.editReply(message);
  else await interaction.reply({ ...message, flags: result.ephemeral || wantsPrivate ? MessageFlags.Ephemeral : undefined });
  return "answered";
}

async function autocomplete(interaction: AutocompleteInteraction, deps: InteractionDeps): Promise<void> {
  const command = findCommand(interaction.commandName);
  const focused = interaction.options.getFocused(true);
  const choices = await command?.autocomplete?.({ name: focused.name, value: String(focused.value) }, { index: deps.index().visibleTo(interaction.guildId ?? null), feeds: deps.feeds?.(), guild: guildContext(interaction) }) ?? [];
  await interaction.respond(choices);
}

async function pressButton(interaction: ButtonInteraction, deps: InteractionDeps): Promise<Outcome> {
  const request = parseStatelessPagerId(interaction.customId);
  if (request) return turnStatelessPage(interaction, request, deps, (page) => statelessPagerIds(request, page) ?? undefined);
  const kept = parseSharedPagerId(interaction.customId);
  if (kept) {
    const question = await deps.pages.shared()?.get(kept.questionId);
    if (!question) {
      await interaction.reply(privateNotice(EXPIRED_PAGES));
      return "expired";
    }
    return turnStatelessPage(interaction, { ...question, page: kept.page }, deps, (page) => sharedPagerIds(kept.questionId, page));
  }
  const pager = parsePagerId(interaction.customId);
  if (pager) {
    const paged = deps.pages.get(pager.answerId);
    if (!paged) {
      await interaction.reply(privateNotice(EXPIRED_PAGES));
      return "expired";
    }
    if (paged.ownerId !== interaction.user.id) {
      await interaction.reply(privateNotice(NOT_THE_ASKER));
      return "not-owner";
    }
    const rendered = renderAnswer(paged.answer, { page: pager.page, pager: pagerIds(pager.answerId, pager.page) });
    await interaction.update(toDiscord(rendered.message));
    return "answered";
  }
  if (interaction.customId.startsWith("summary:")) {
    const answer = summary(deps.index().visibleTo(interaction.guildId ?? null), interaction.customId.slice("summary:".length));
    const rendered = renderAnswer(answer);
    if (rendered.empty) {
      await interaction.reply(privateNotice("That article is no longer in the corpus."));
      return "empty";
    }
    await interaction.reply({ ...toDiscord(rendered.message), flags: MessageFlags.Ephemeral });
    return "answered";
  }
  await interaction.reply(privateNotice("This button no longer does anything. Run the command again."));
  return "expired";
}

/** A page turned from what the button carries (or the question it names): asked again, on whichever worker received it. */
async function turnStatelessPage(interaction: ButtonInteraction, request: PageRequest, deps: InteractionDeps, pagerAt: (page: number) => { previous: string; next: string } | undefined): Promise<Outcome> {
  if (request.expiresAt <= deps.pages.now()) {
    await interaction.reply(privateNotice(EXPIRED_PAGES));
    return "expired";
  }
  if (request.ownerId !== interaction.user.id) {
    await interaction.reply(privateNotice(NOT_THE_ASKER));
    return "not-owner";
  }
  const answer = answerAgain(request, deps.index().visibleTo(interaction.guildId ?? null));
  const pageOf = (page: number) => renderAnswer(answer, { page, pager: pagerAt(page) });
  let rendered = pageOf(request.page);
  // The corpus changed since the first page and the answer is shorter now: show its last page, with buttons that fit.
  if (request.page >= rendered.pages) rendered = pageOf(rendered.pages - 1);
  if (rendered.empty) {
    await interaction.reply(privateNotice("Nothing matches that question any more. Run the command again."));
    return "empty";
  }
  await interaction.update(toDiscord(rendered.message));
  return "answered";
}

function optionsOf(interaction: ChatInputCommandInteraction): CommandInput {
  return {
    string: (name) => interaction.options.getString(name),
    integer: (name) => interaction.options.getInteger(name),
    boolean: (name) => interaction.options.getBoolean(name),
    channel: (name) => interaction.options.get(name)?.value?.toString() ?? null,
    subcommand: () => interaction.options.getSubcommand(false),
  };
}

/** What it needs to know the asker may manage the server's subscriptions, and that Newsdesk can post where asked. */
function guildContext(interaction: ChatInputCommandInteraction | AutocompleteInteraction): GuildContext | undefined {
  if (!interaction.inGuild()) return undefined;
  return {
    guildId: interaction.guildId,
    userId: interaction.user.id,
    memberCanManageChannels: interaction.memberPermissions.has(PermissionFlagsBits.ManageChannels),
    memberCanManageServer: interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild),
    async checkChannel(channelId) {
      const { channel, me } = await channelAndMe(interaction, channelId);
      if (!channel || !me || !("permissionsFor" in channel) || !channel.isTextBased()) {
        return { ok: false, reason: "Newsdesk cannot see that channel. Give it the View Channel permission there, or choose a text channel." };
      }
      const permissions = channel.permissionsFor(me);
      const missing = REQUIRED_CHANNEL_PERMISSIONS.filter(([flag]) => !permissions?.has(flag)).map(([, label]) => label);
      return missing.length === 0
        ? { ok: true }
        : { ok: false, reason: `Newsdesk cannot post in <#${channelId}>: it is missing ${missing.join(", ")}. Grant ${missing.length === 1 ? "it" : "them"} to Newsdesk in the channel's settings, then run /subscribe again.` };
    },
  };
}

/** The channel and Newsdesk itself: from the gateway's cache, or over REST when there is no gateway connection. */
async function channelAndMe(interaction: ChatInputCommandInteraction<"cached" | "raw"> | AutocompleteInteraction<"cached" | "raw">, channelId: string) {
  const { client } = interaction;
  if (client.user) {
    return { channel: interaction.guild?.channels.cache.get(channelId) ?? (await client.channels.fetch(channelId).catch(() => null)), me: client.user };
  }
  const guild = await client.guilds.fetch(interaction.guildId).catch(() => null);
  if (!guild) return { channel: null, me: null };
  const [channel, me] = await Promise.all([guild.channels.fetch(channelId).catch(() => null), guild.members.fetch(interaction.applicationId).catch(() => null)]);
  return { channel, me };
}

/** What Newsdesk needs in a channel to post there, and how Discord's settings name each permission. */
const REQUIRED_CHANNEL_PERMISSIONS = [
  [PermissionFlagsBits.ViewChannel, "View Channel"],
  [PermissionFlagsBits.SendMessages, "Send Messages"],
  [PermissionFlagsBits.EmbedLinks, "Embed Links"],
] as const;

/** Tells only the user, whatever state the interaction is in (fresh, deferred publicly or privately, answered). */
async function sendPrivately(interaction: RepliableInteraction, content: string): Promise<void> {
  const notice = privateNotice(content);
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(notice);
  } else if (interaction.deferred && !interaction.replied && interaction.ephemeral) {
    await interaction.editReply({ content, allowedMentions: notice.allowedMentions, embeds: [], components: [] });
  } else {
    if (interaction.deferred && !interaction.replied) await interaction.deleteReply().catch(() => undefined);
    await interaction.followUp(notice);
  }
}

/** Option values by name, subcommands' own options included ("feed.add.url"). */
function optionsForLog(options: readonly CommandInteractionOption[], prefix = ""): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const option of options) {
    if (option.options?.length) Object.assign(flat, optionsForLog(option.options, `${prefix}${option.name}.`));
    else flat[`${prefix}${option.name}`] = option.value ?? true;
  }
  return flat;
}

function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return "command";
  if (interaction.isAutocomplete()) return "autocomplete";
  if (interaction.isButton()) return "button";
  return "other";
}
