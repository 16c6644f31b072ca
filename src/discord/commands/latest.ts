import { ApplicationCommandOptionType } from "discord.js";
import { DEFAULT_LATEST_LIMIT, MAX_LATEST_LIMIT, latest } from "../../answers/latest.js";
import { UserFacingError } from "../../answers/answer.js";
import { PRIVATE_OPTION } from "./options.js";
import type { Command } from "./types.js";

export const latestCommand: Command = {
  definition: {
    name: "latest",
    description: "The newest articles",
    options: [
      { type: ApplicationCommandOptionType.Integer, name: "count", description: `How many (1-${MAX_LATEST_LIMIT}, default ${DEFAULT_LATEST_LIMIT})`, required: false, min_value: 1, max_value: MAX_LATEST_LIMIT },
      PRIVATE_OPTION,
    ],
  },
  execute(input, { index }) {
    const count = input.integer("count") ?? DEFAULT_LATEST_LIMIT;
    if (!Number.isInteger(count) || count < 1 || count > MAX_LATEST_LIMIT) {
      throw new UserFacingError(`count must be a whole number from 1 to ${MAX_LATEST_LIMIT}, for example: /latest count:5`);
    }
    return { answer: latest(index, count), ephemeral: input.boolean("private") ?? false };
  },
};
