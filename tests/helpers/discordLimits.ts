import { expect } from "vitest";
import { embedLength } from "../../src/render/embeds.js";
import { LIMITS } from "../../src/render/limits.js";
import type { RenderedMessage } from "../../src/render/message.js";

/** Every limit Discord enforces on a message. */
export function expectWithinDiscordLimits(message: RenderedMessage) {
  expect([...(message.content ?? "")].length).toBeLessThanOrEqual(LIMITS.content);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  expect(message.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.embedsTotal);
  for (const embed of message.embeds) {
    expect([...(embed.title ?? "")].length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect([...(embed.description ?? "")].length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
    for (const field of embed.fields ?? []) expect([...field.value].length).toBeLessThanOrEqual(LIMITS.fieldValue);
    if (embed.url) expect(embed.url).toMatch(/^https?:\/\//);
  }
  expect(message.components.length).toBeLessThanOrEqual(LIMITS.actionRows);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(LIMITS.buttonsPerRow);
    for (const button of row.components) {
      expect([...button.label].length).toBeLessThanOrEqual(LIMITS.buttonLabel);
      if (button.custom_id) expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if (button.url) expect(button.url).toMatch(/^https?:\/\//);
    }
  }
  expect(message.allowedMentions).toEqual({ parse: [] });
}

