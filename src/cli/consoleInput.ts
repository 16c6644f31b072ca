import { ApplicationCommandOptionType } from "discord.js";
import { COMMANDS, findCommand } from "../discord/commands/index.js";
import type { Command, CommandInput } from "../discord/commands/types.js";
import { UserFacingError } from "../answers/answer.js";

/** A console line read as a slash command: `/deal OpenAI`, `/latest count:3`, or a bare question for /ask. */
export interface ConsoleCommand {
  command: Command;
  input: CommandInput;
}

/**
 * Parses what was typed at the console prompt. Free text after the command fills its first text option
 * (or its first number option); `name:value` pairs set options by name, as Discord's own input does.
 */
export function parseConsoleLine(line: string): ConsoleCommand {
  const trimmed = line.trim();
  const slash = /^\/(\S+)\s*(.*)$/s.exec(trimmed);
  const name = slash ? slash[1]!.toLowerCase() : "ask";
  const rest = slash ? slash[2]! : trimmed;
  const command = findCommand(name);
  if (!command) throw new UserFacingError(`Unknown command /${name}. Commands: ${COMMANDS.map((c) => `/${c.definition.name}`).join(", ")} (and /help, /quit).`);

  const options = command.definition.options ?? [];
  const values = new Map<string, string>();
  const named = new RegExp(`(?:^|\\s)(${options.map((o) => o.name).join("|")}):(.*?)(?=\\s+(?:${options.map((o) => o.name).join("|")}):|$)`, "gs");
  const free = rest.replace(named, (_all, key: string, value: string) => {
    values.set(key, value.trim());
    return " ";
  }).trim();
  if (free) {
    const target = options.find((o) => o.type === ApplicationCommandOptionType.String) ?? options.find((o) => o.type === ApplicationCommandOptionType.Integer);
    if (!target) throw new UserFacingError(`/${name} takes no text.`);
    if (!values.has(target.name)) values.set(target.name, free);
  }
  for (const option of options) {
    if ("required" in option && option.required && !values.get(option.name)) {
      throw new UserFacingError(`/${name} needs ${option.name}, for example: /${name} ${option.description.replace(/^e\.g\.\s*/, "")}`);
    }
  }
  const input: CommandInput = {
    string: (key) => values.get(key) ?? null,
    integer: (key) => {
      const raw = values.get(key);
      if (raw === undefined) return null;
      const number = Number(raw);
      if (!Number.isInteger(number)) throw new UserFacingError(`${key} must be a whole number, for example: /${name} ${key}:5`);
      return number;
    },
    boolean: (key) => {
      const raw = values.get(key)?.toLowerCase();
      return raw === undefined ? null : ["true", "yes", "1", "on"].includes(raw);
    },
  };
  return { command, input };
}
