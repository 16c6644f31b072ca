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
 * Parses what was typed at the console prompt. Free text after the command fills its first required
 * option (else its first text, number or channel option); `name:value` pairs set options by name, as
 * Discord's own input does. A command with subcommands takes the subcommand's name first.
 */
export function parseConsoleLine(line: string): ConsoleCommand {
  const trimmed = line.trim();
  const slash = /^\/(\S+)\s*(.*)$/s.exec(trimmed);
  const name = slash ? slash[1]!.toLowerCase() : "ask";
  const afterName = slash ? slash[2]! : trimmed;
  const command = findCommand(name);
  if (!command) throw new UserFacingError(`Unknown command /${name}. Commands: ${COMMANDS.map((c) => `/${c.definition.name}`).join(", ")} (and /help, /quit).`);

  let options = command.definition.options ?? [];
  let subcommand: string | null = null;
  let rest = afterName;
  const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
  if (subcommands.length) {
    const [first = "", ...others] = rest.trim().split(/\s+/);
    const chosen = subcommands.find((o) => o.name === first.toLowerCase());
    if (!chosen) throw new UserFacingError(`/${name} needs one of: ${subcommands.map((o) => o.name).join(", ")}, for example: /${name} ${subcommands[0]!.name}`);
    subcommand = chosen.name;
    options = "options" in chosen ? (chosen.options ?? []) : [];
    rest = others.join(" ");
  }
  const values = new Map<string, string>();
  const named = new RegExp(`(?:^|\\s)(${options.map((o) => o.name).join("|")}):(.*?)(?=\\s+(?:${options.map((o) => o.name).join("|")}):|$)`, "gs");
  const free = rest.replace(named, (_all, key: string, value: string) => {
    values.set(key, value.trim());
    return " ";
  }).trim();
  if (free) {
    const takesText = [ApplicationCommandOptionType.String, ApplicationCommandOptionType.Integer, ApplicationCommandOptionType.Channel];
    const chosen = options.find((o) => takesText.includes(o.type) && "required" in o && o.required) ?? options.find((o) => takesText.includes(o.type));
    if (!chosen) throw new UserFacingError(`/${name} takes no text.`);
    if (!values.has(chosen.name)) values.set(chosen.name, free);
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
    channel: (key) => values.get(key)?.replace(/^<#(\d+)>$/, "$1").replace(/^#/, "") ?? null,
    subcommand: () => subcommand,
  };
  return { command, input };
}
