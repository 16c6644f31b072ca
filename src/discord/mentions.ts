import { ChannelType, type Client, type Message } from "discord.js";
import { ask } from "../answers/ask.js";
import { UserFacingError } from "../answers/answer.js";
import type { Logger } from "../logger.js";
import { renderAnswer } from "../render/answer.js";
import type { NewsIndex } from "../search/newsIndex.js";
import { ASK_RESULTS } from "./commands/ask.js";
import type { PageStore } from "./pages.js";
import { GENERIC_APOLOGY, toDiscord } from "./send.js";

export const MENTION_HELP = "Ask me about industry news, e.g. `@Newsdesk who is supplying OpenAI's chips?`, or use `/ask`, `/deal`, `/summary` and `/latest`.";

export interface MentionDeps {
  index: () => NewsIndex;
  pages: PageStore;
  logger: Logger;
}

/** The question in a message addressed to the bot, or null when the message is not for it. */
export function questionFor(message: Message, botId: string): string | null {
  if (message.author.bot || message.system) return null;
  const direct = message.channel.type === ChannelType.DM;
  const mentioned = message.mentions.users.has(botId) && !message.mentions.everyone;
  if (!direct && !mentioned) return null;
  return message.content.replace(new RegExp(`<@!?${botId}>`, "g"), " ").replace(/\s+/g, " ").trim();
}

/** Answers `@Newsdesk <question>` in a channel, or any direct message, like /ask. */
export async function handleMessage(message: Message, client: Client, deps: MentionDeps): Promise<void> {
  const botId = client.user?.id;
  if (!botId) return;
  const question = questionFor(message, botId);
  if (question === null) return;
  const started = performance.now();
  const log = { kind: "mention", guildId: message.guildId, userId: message.author.id, messageId: message.id, question };
  let outcome = "answered";
  const replyOptions = { allowedMentions: { parse: [] as [], repliedUser: false }, failIfNotExists: false };
  try {
    if (!question) {
      outcome = "help";
      await message.reply({ content: MENTION_HELP, ...replyOptions });
    } else {
      const answer = ask(deps.index().visibleTo(message.guildId ?? null), question, ASK_RESULTS);
      const first = renderAnswer(answer);
      outcome = first.empty ? "empty" : "answered";
      const rendered = first.pages > 1 ? renderAnswer(answer, { pager: await deps.pages.pagerFor(answer, message.author.id, false) }) : first;
      await message.reply({ ...toDiscord(rendered.message), ...replyOptions });
    }
  } catch (error) {
    outcome = error instanceof UserFacingError ? "user-error" : "error";
    if (outcome === "error") deps.logger.error({ ...log, err: error }, "mention failed");
    await message
      .reply({ content: error instanceof UserFacingError ? error.message : GENERIC_APOLOGY, ...replyOptions })
      .catch((sendError: unknown) => deps.logger.warn({ ...log, err: sendError }, "could not reply to a mention"));
  }
  deps.logger.info({ ...log, outcome, latencyMs: Math.round((performance.now() - started) * 100) / 100 }, "mention");
}
