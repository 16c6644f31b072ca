import { expect } from "vitest";
import type { RenderedMessage } from "../../src/render/message.js";

/**
 * Discord's limits, written here from Discord's documentation and not imported from `src/`, so a wrong
 * number in the renderer cannot also pass its own check.
 * - https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * - https://discord.com/developers/docs/resources/message#create-message (content)
 * - https://discord.com/developers/docs/components/reference#button
 * - https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure
 */
export const DISCORD_DOCUMENTED_LIMITS = {
  content: 2000,
  embeds: 10,
  embedsTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  url: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

const D = DISCORD_DOCUMENTED_LIMITS;

/** Characters as Discord counts them (Unicode code points). */
const chars = (text: string | undefined) => (text === undefined ? 0 : [...text].length);

interface AnyEmbed {
  title?: string;
  url?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
  author?: { name: string };
}

/** Everything Discord counts toward the 6,000 characters of a message's embeds. */
function documentedEmbedLength(embed: AnyEmbed): number {
  return chars(embed.title) + chars(embed.description) + chars(embed.footer?.text) + chars(embed.author?.name) +
    (embed.fields ?? []).reduce((sum, field) => sum + chars(field.name) + chars(field.value), 0);
}

function expectLink(url: string) {
  expect(url).toMatch(/^https?:\/\//);
  expect(chars(url)).toBeLessThanOrEqual(D.url);
}

/** Every limit Discord enforces on a message, plus ours: only http(s) links, and no pings. */
export function expectWithinDiscordLimits(message: RenderedMessage) {
  expect(chars(message.content)).toBeLessThanOrEqual(D.content);
  const embeds = message.embeds as AnyEmbed[];
  expect(embeds.length).toBeLessThanOrEqual(D.embeds);
  expect(embeds.reduce((sum, embed) => sum + documentedEmbedLength(embed), 0)).toBeLessThanOrEqual(D.embedsTotal);
  for (const embed of embeds) {
    expect(chars(embed.title)).toBeLessThanOrEqual(D.title);
    expect(chars(embed.description)).toBeLessThanOrEqual(D.description);
    expect(chars(embed.footer?.text)).toBeLessThanOrEqual(D.footerText);
    expect(chars(embed.author?.name)).toBeLessThanOrEqual(D.authorName);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(D.fields);
    for (const field of embed.fields ?? []) {
      expect(chars(field.name)).toBeLessThanOrEqual(D.fieldName);
      expect(chars(field.value)).toBeLessThanOrEqual(D.fieldValue);
    }
    if (embed.url !== undefined) expectLink(embed.url);
  }
  expect(message.components.length).toBeLessThanOrEqual(D.actionRows);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(D.buttonsPerRow);
    for (const button of row.components) {
      expect(chars(button.label)).toBeLessThanOrEqual(D.buttonLabel);
      if (button.custom_id !== undefined) expect(chars(button.custom_id)).toBeLessThanOrEqual(D.customId);
      if (button.url !== undefined) expectLink(button.url);
    }
  }
  expect(message.allowedMentions).toEqual({ parse: [] });
}

/** Discord's limits on an autocomplete answer. */
export function expectChoicesWithinDiscordLimits(choices: Array<{ name: string; value: string | number }>) {
  expect(choices.length).toBeLessThanOrEqual(D.choices);
  for (const choice of choices) {
    expect(chars(choice.name)).toBeLessThanOrEqual(D.choiceName);
    if (typeof choice.value === "string") expect(chars(choice.value)).toBeLessThanOrEqual(D.choiceValue);
  }
}
