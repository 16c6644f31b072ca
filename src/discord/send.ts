import {
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type BaseMessageOptions,
} from "discord.js";
import type { RenderedMessage } from "../render/message.js";

/** A rendered message as discord.js options. The renderer builds API-shaped data; only the types differ. */
export function toDiscord(message: RenderedMessage): BaseMessageOptions & { allowedMentions: { parse: [] } } {
  return {
    content: message.content ?? "",
    embeds: message.embeds as APIEmbed[],
    components: message.components as unknown as APIActionRowComponent<APIButtonComponent>[],
    allowedMentions: { parse: [] },
  };
}

/** A short message only the user sees, pinging nobody. */
export function privateNotice(content: string) {
  return { content, flags: MessageFlags.Ephemeral as const, allowedMentions: { parse: [] as [] } };
}

export const GENERIC_APOLOGY = "Sorry, something went wrong on our side while answering. Please try again in a moment.";
