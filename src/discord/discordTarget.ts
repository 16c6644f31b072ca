import { DiscordAPIError, HTTPError, Routes, type REST } from "discord.js";
import { DeliveryError, type DeliveryTarget } from "../delivery/target.js";
import type { RenderedMessage } from "../render/message.js";

/** A rendered message as the body of Discord's create/edit message routes. */
function body(message: RenderedMessage) {
  return { content: message.content ?? "", embeds: message.embeds, components: message.components, allowed_mentions: { parse: [] } };
}

/**
 * Posts through the bot's own REST client, so discord.js's rate-limit handling applies (it waits out a
 * 429 and retries 5xx a few times); what still fails is mapped to what the sender should do.
 */
export function discordTarget(rest: REST): DeliveryTarget {
  return {
    async post(channelId, message, nonce) {
      try {
        const created = (await rest.post(Routes.channelMessages(channelId), { body: { ...body(message), nonce, enforce_nonce: true } })) as { id: string };
        return created.id;
      } catch (error) {
        throw asDeliveryError(error);
      }
    },
    async edit(channelId, messageId, message) {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body: body(message) });
      } catch (error) {
        throw asDeliveryError(error);
      }
    },
  };
}

/** Discord's answer as an action: 403 forbidden, 404 channel or message gone, anything else transient. */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DiscordAPIError) {
    if (error.status === 403) return new DeliveryError("forbidden", `${error.code}: ${error.message}`);
    if (error.status === 404 && error.code === 10008) return new DeliveryError("missing-message", error.message);
    if (error.status === 404) return new DeliveryError("missing-channel", `${error.code}: ${error.message}`);
    if (error.status >= 400 && error.status < 500 && error.status !== 429) return new DeliveryError("rejected", `${error.status} ${error.code}: ${error.message}`);
    return new DeliveryError("transient", `${error.status} ${error.code}: ${error.message}`);
  }
  if (error instanceof HTTPError) return new DeliveryError("transient", `${error.status}: ${error.message}`);
  return new DeliveryError("transient", error instanceof Error ? error.message : String(error));
}
