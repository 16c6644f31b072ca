import type { RenderedMessage } from "../render/message.js";

/** Where posts go: Discord channels, or the local console. */
export interface DeliveryTarget {
  /** Posts a message; the nonce makes a repeat of the same delivery a no-op. Resolves with the message id. */
  post(channelId: string, message: RenderedMessage, nonce: string): Promise<string>;
  edit(channelId: string, messageId: string, message: RenderedMessage): Promise<void>;
}

/**
 * Why a delivery failed, as the sender acts on it: the bot may not post there (pause the subscription and
 * say why), the channel or message is gone, Discord refused this message itself (drop it, go on), or a
 * passing problem (retry with backoff).
 */
export type DeliveryFailure = "forbidden" | "missing-channel" | "missing-message" | "rejected" | "transient";

export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(readonly failure: DeliveryFailure, message: string) {
    super(message);
  }
}
