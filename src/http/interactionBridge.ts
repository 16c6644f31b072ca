import { DefaultRestOptions, Events, InteractionResponseType, InteractionType, MessageFlags, type Client, type ResponseLike, type RESTOptions } from "discord.js";
import { findCommand } from "../discord/commands/index.js";

/** What goes back to Discord in the HTTP reply: an interaction response (`{ type, data }`). */
export interface InteractionResponse {
  type: number;
  data?: unknown;
}

/** A verified interaction as Discord POSTed it (the same payload the gateway's INTERACTION_CREATE carries). */
export type InteractionPayload = Record<string, unknown> & { id: string; token: string; type: number; application_id: string };

/**
 * When the handlers have sent no first response this long after the interaction arrived, the bridge defers
 * it itself (the handlers' later answer then goes through the webhook), so Discord's 3 seconds never run out.
 */
export const DEFAULT_DEFER_AFTER_MS = 2_000;
/** How long an interaction token lets the bot answer after a deferral (Discord: 15 minutes). */
const FOLLOW_UP_WINDOW_MS = 15 * 60_000;
const CALLBACK_URL = /\/interactions\/(\d+)\/([^/?]+)\/callback(?:\?|$)/;

interface Pending {
  payload: InteractionPayload;
  /** Resolves the HTTP reply with the first response. */
  answer(response: InteractionResponse): void;
  /** The deferral the bridge sent on its own, once the handlers ran late. */
  deferredByBridge: InteractionResponse | null;
  timer: NodeJS.Timeout;
}

/**
 * Feeds interactions received over HTTP to the same discord.js client, handlers and renderer as the gateway.
 * The client's REST transport goes through `makeRequest`: the first callback of an HTTP interaction becomes
 * the HTTP reply instead of a request to Discord; everything after it (edits, follow-ups, channel posts)
 * goes to Discord as usual.
 */
export class InteractionBridge {
  private readonly pending = new Map<string, Pending>();
  private client: Client | null = null;
  private emitted: string | null = null;

  constructor(private readonly deferAfterMs = DEFAULT_DEFER_AFTER_MS) {}

  /** The REST transport to give the client (`rest: { makeRequest }`). */
  readonly makeRequest: NonNullable<RESTOptions["makeRequest"]> = async (url, init) => {
    const match = CALLBACK_URL.exec(url);
    const pending = match ? this.pending.get(match[1]!) : undefined;
    if (!match || !pending || typeof init.body !== "string") return DefaultRestOptions.makeRequest(url, init);
    const response = JSON.parse(init.body) as InteractionResponse;
    if (!pending.deferredByBridge) {
      this.settle(match[1]!);
      pending.answer(response);
      return noContent();
    }
    this.settle(match[1]!);
    return this.answerAfterDeferral(url.slice(0, match.index), pending, response, init);
  };

  /** The client whose handlers answer (created with `makeRequest` as its REST transport). */
  attach(client: Client): void {
    this.client = client;
    client.on(Events.InteractionCreate, (interaction) => (this.emitted = interaction.id));
  }

  /**
   * Hands a verified interaction to the handlers and resolves with its first response, or with the bridge's
   * own deferral when the handlers take longer than `deferAfterMs`. Null when discord.js does not turn the
   * payload into an interaction the handlers take; throws when the payload is malformed.
   */
  receive(payload: InteractionPayload): Promise<InteractionResponse | null> {
    if (payload.type === InteractionType.Ping) return Promise.resolve({ type: InteractionResponseType.Pong });
    if (!this.client) throw new Error("the interaction bridge has no client attached");
    if (this.pending.has(payload.id)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        payload,
        answer: resolve,
        deferredByBridge: null,
        timer: setTimeout(() => {
          entry.deferredByBridge = deferralFor(payload);
          resolve(entry.deferredByBridge);
          entry.timer = setTimeout(() => this.settle(payload.id), FOLLOW_UP_WINDOW_MS).unref();
        }, this.deferAfterMs),
      };
      this.pending.set(payload.id, entry);
      this.emitted = null;
      try {
        (this.client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(payload);
      } catch (error) {
        this.settle(payload.id);
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (this.emitted !== payload.id) {
        this.settle(payload.id);
        resolve(null);
      }
    });
  }

  /** Interactions waiting for their first response (or, once deferred by the bridge, for the handlers' answer). */
  get waiting(): number {
    return this.pending.size;
  }

  private settle(id: string): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.pending.delete(id);
  }

  /** The handlers' first response, arriving after the bridge deferred: sent through the webhook instead. */
  private async answerAfterDeferral(apiBase: string, pending: Pending, response: InteractionResponse, init: Parameters<InteractionBridge["makeRequest"]>[1]) {
    const { application_id: applicationId, token } = pending.payload;
    const replaces = response.type === InteractionResponseType.ChannelMessageWithSource || response.type === InteractionResponseType.UpdateMessage;
    if (!replaces) return noContent(); // a deferral of their own, or autocomplete choices too late to show
    // After a deferred update, a new message (a notice) is a follow-up; an update edits the message the button is on.
    const followUp = pending.deferredByBridge?.type === InteractionResponseType.DeferredMessageUpdate && response.type === InteractionResponseType.ChannelMessageWithSource;
    const url = followUp ? `${apiBase}/webhooks/${applicationId}/${token}` : `${apiBase}/webhooks/${applicationId}/${token}/messages/%40original`;
    return DefaultRestOptions.makeRequest(url, { ...init, method: followUp ? "POST" : "PATCH", body: JSON.stringify(response.data ?? {}) });
  }
}

/** What Discord answers to a callback; the handlers' discord.js reads it as "sent". */
const noContent = () => new Response(null, { status: 204 }) as unknown as ResponseLike;

/** The deferral that fits an interaction: a button keeps its message, a command shows "thinking", autocomplete gets no choices. */
function deferralFor(payload: InteractionPayload): InteractionResponse {
  if (payload.type === InteractionType.MessageComponent) return { type: InteractionResponseType.DeferredMessageUpdate };
  if (payload.type === InteractionType.ApplicationCommandAutocomplete) return { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } };
  const data = payload.data as { name?: string; options?: Array<{ name: string; value?: unknown }> } | undefined;
  const wantsPrivate = findCommand(data?.name ?? "")?.alwaysPrivate === true || (data?.options ?? []).some((option) => option.name === "private" && option.value === true);
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags: wantsPrivate ? MessageFlags.Ephemeral : 0 } };
}
