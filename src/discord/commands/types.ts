import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import type { Answer } from "../../answers/answer.js";
import type { NewsIndex } from "../../search/newsIndex.js";

/** The options of one invocation, however it arrived (a Discord interaction or a line typed in the console). */
export interface CommandInput {
  string(name: string): string | null;
  integer(name: string): number | null;
  boolean(name: string): boolean | null;
}

export interface CommandContext {
  index: NewsIndex;
}

/** What a command answers: data to render, and whether only the asker should see it. */
export interface CommandResult {
  answer: Answer;
  ephemeral: boolean;
}

/** An autocomplete suggestion: at most 100 characters each for name and value. */
export interface Choice {
  name: string;
  value: string;
}

/** One slash command: its definition (registered with Discord as is) and what runs it. */
export interface Command {
  definition: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(input: CommandInput, context: CommandContext): CommandResult;
  autocomplete?(focused: { name: string; value: string }, context: CommandContext): Choice[];
}
