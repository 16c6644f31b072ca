/**
 * A reply as plain data in the shape discord.js accepts (API embeds and components), built without
 * importing discord.js so the CLI, the console and the tests use the very same renderer as the bot.
 */
export interface MessageEmbed {
  title?: string;
  url?: string;
  description?: string;
  fields?: Array<{ name: string; value: string; inline?: boolean }>;
  footer?: { text: string };
  color?: number;
}

/** Button styles used here: 1 primary, 2 secondary, 5 link. */
export interface MessageButton {
  type: 2;
  style: 1 | 2 | 5;
  label: string;
  url?: string;
  custom_id?: string;
  disabled?: boolean;
}

export interface MessageRow {
  type: 1;
  components: MessageButton[];
}

export interface RenderedMessage {
  content?: string;
  embeds: MessageEmbed[];
  components: MessageRow[];
  /** Always `{ parse: [] }`: nothing Newsdesk sends can ping anyone. */
  allowedMentions: { parse: [] };
}

/** A rendered answer, and what the bot needs to know to send it. */
export interface RenderedAnswer {
  message: RenderedMessage;
  /** Nothing matched: the bot shows this privately. */
  empty: boolean;
  /** How many pages the answer has (1 when it fits on one). */
  pages: number;
}

export const BRAND_COLOR = 0x2b6cb0;
export const NO_MENTIONS = { parse: [] as [] };
