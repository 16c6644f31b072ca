import { ApplicationCommandOptionType } from "discord.js";
import { deal } from "../../answers/deal.js";
import { companyChoices } from "../autocomplete.js";
import { MAX_OPTION_LENGTH, PRIVATE_OPTION } from "./options.js";
import type { Command } from "./types.js";

/** How many deals /deal lists; the answer pages through them five at a time. */
export const DEAL_RESULTS = 25;

export const dealCommand: Command = {
  definition: {
    name: "deal",
    description: "Deals of a company or on a topic: parties, amount and kind, with sources",
    options: [
      { type: ApplicationCommandOptionType.String, name: "query", description: "A company (OpenAI) or a topic (Nvidia Intel stake)", required: true, autocomplete: true, max_length: MAX_OPTION_LENGTH },
      PRIVATE_OPTION,
    ],
  },
  execute(input, { index }) {
    return { answer: deal(index, input.string("query") ?? "", DEAL_RESULTS), ephemeral: input.boolean("private") ?? false };
  },
  autocomplete(focused, { index }) {
    return companyChoices(index, focused.value);
  },
};
