import { ApplicationCommandOptionType } from "discord.js";
import { ask } from "../../answers/ask.js";
import { MAX_OPTION_LENGTH, PRIVATE_OPTION } from "./options.js";
import type { Command } from "./types.js";

/** How many articles /ask looks at; the answer pages through them three at a time. */
export const ASK_RESULTS = 9;

export const askCommand: Command = {
  definition: {
    name: "ask",
    description: "Ask a question about industry news; answers cite their sources",
    options: [
      { type: ApplicationCommandOptionType.String, name: "question", description: "e.g. Who is supplying OpenAI's chips?", required: true, max_length: MAX_OPTION_LENGTH },
      PRIVATE_OPTION,
    ],
  },
  execute(input, { index }) {
    return { answer: ask(index, input.string("question") ?? "", ASK_RESULTS), ephemeral: input.boolean("private") ?? false };
  },
};
