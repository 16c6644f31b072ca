import { ApplicationCommandOptionType } from "discord.js";
import { summary } from "../../answers/summary.js";
import { titleChoices } from "../autocomplete.js";
import { MAX_OPTION_LENGTH, PRIVATE_OPTION } from "./options.js";
import type { Command } from "./types.js";

export const summaryCommand: Command = {
  definition: {
    name: "summary",
    description: "One article's summary and key points, with the next best matches",
    options: [
      { type: ApplicationCommandOptionType.String, name: "topic", description: "e.g. AWS compute deal", required: true, autocomplete: true, max_length: MAX_OPTION_LENGTH },
      PRIVATE_OPTION,
    ],
  },
  execute(input, { index }) {
    return { answer: summary(index, input.string("topic") ?? ""), ephemeral: input.boolean("private") ?? false };
  },
  autocomplete(focused, { index }) {
    return titleChoices(index, focused.value);
  },
};
