import { InteractionType } from "discord.js";
import type { InteractionPayload } from "./interactionBridge.js";

const SNOWFLAKE = /^\d{17,20}$/;
/** What Newsdesk answers: PING, slash commands, their autocomplete, and buttons (it sends no modals or menus). */
const HANDLED_TYPES = new Set<number>([InteractionType.Ping, InteractionType.ApplicationCommand, InteractionType.MessageComponent, InteractionType.ApplicationCommandAutocomplete]);
const CHAT_INPUT = 1;
const BUTTON = 2;

/**
 * A signed body read as an interaction, or why it is not one. Checks what the handlers rely on before
 * discord.js sees it: ids, token, type, data, and who sent it.
 */
export function parseInteraction(body: Buffer): { ok: true; interaction: InteractionPayload } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    return { ok: false, reason: "the body is not JSON" };
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "the body is not an interaction object" };
  const interaction = value as Record<string, unknown>;
  if (typeof interaction.type !== "number" || !HANDLED_TYPES.has(interaction.type)) return { ok: false, reason: "Newsdesk does not handle this kind of interaction" };
  if (typeof interaction.id !== "string" || !SNOWFLAKE.test(interaction.id)) return { ok: false, reason: "id must be a snowflake" };
  if (typeof interaction.application_id !== "string" || !SNOWFLAKE.test(interaction.application_id)) return { ok: false, reason: "application_id must be a snowflake" };
  if (typeof interaction.token !== "string" || interaction.token.length === 0 || interaction.token.length > 500 || !/^[\w.-]+$/.test(interaction.token)) return { ok: false, reason: "token is missing or malformed" };
  if (interaction.type === InteractionType.Ping) return { ok: true, interaction: interaction as InteractionPayload };
  const data = interaction.data as { type?: unknown; component_type?: unknown } | undefined;
  if (!data || typeof data !== "object") return { ok: false, reason: "data is missing" };
  if (interaction.type === InteractionType.ApplicationCommand && data.type !== CHAT_INPUT) return { ok: false, reason: "Newsdesk has only slash commands" };
  if (interaction.type === InteractionType.MessageComponent && data.component_type !== BUTTON) return { ok: false, reason: "Newsdesk has only buttons" };
  const member = interaction.member as { user?: { id?: unknown } } | undefined;
  const user = (member?.user ?? interaction.user) as { id?: unknown } | undefined;
  if (typeof user?.id !== "string" || !SNOWFLAKE.test(user.id)) return { ok: false, reason: "the interaction names no user" };
  return { ok: true, interaction: interaction as InteractionPayload };
}
