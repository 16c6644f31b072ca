import { createInterface } from "node:readline";
import { UserFacingError, type Answer } from "../answers/answer.js";
import { COMMANDS } from "../discord/commands/index.js";
import { renderAnswer } from "../render/answer.js";
import { messageToText } from "../render/text.js";
import type { NewsIndex } from "../search/newsIndex.js";
import { parseConsoleLine } from "./consoleInput.js";
import type { CommandContext } from "../discord/commands/types.js";

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Show a prompt (a terminal) or not (a pipe). */
  terminal: boolean;
}

export const CONSOLE_HELP = [
  "Type a slash command as in Discord, or just a question:",
  ...COMMANDS.map((command) => `  /${command.definition.name.padEnd(8)} ${command.definition.description}`),
  "  /next /prev  turn the pages of a long answer",
  "  /help        this list      /quit  leave (or Ctrl-D)",
  "Examples: /deal OpenAI   /summary AWS compute deal   /ask who is supplying OpenAI's chips?   /latest 5",
].join("\n");

/**
 * The local console: Newsdesk without Discord. Each line runs the same command as the slash command of
 * that name and prints the reply through the same renderer, as text.
 */
export async function runConsole(index: () => NewsIndex, io: ConsoleIO, context: Omit<CommandContext, "index"> = {}): Promise<void> {
  const write = (text: string) => io.output.write(`${text}\n`);
  write(`Newsdesk local console: ${index().size} articles. ${CONSOLE_HELP}\n`);
  const lines = createInterface({ input: io.input, output: io.terminal ? io.output : undefined, terminal: io.terminal, prompt: "newsdesk> " });
  let paged: { answer: Answer; page: number; pages: number } | null = null;
  if (io.terminal) lines.prompt();
  for await (const line of lines) {
    const text = line.trim();
    if (text === "/quit" || text === "/exit") break;
    if (text === "/help") write(CONSOLE_HELP);
    else if ((text === "/next" || text === "/prev") && paged) {
      paged.page = Math.min(paged.pages - 1, Math.max(0, paged.page + (text === "/next" ? 1 : -1)));
      write(show(paged.answer, paged.page, paged.pages));
    } else if (text) {
      try {
        const { command, input } = parseConsoleLine(text);
        const { answer, ephemeral } = await command.execute(input, { index: index(), ...context });
        const { pages } = renderAnswer(answer);
        paged = pages > 1 ? { answer, page: 0, pages } : null;
        write(`${ephemeral ? "(only you can see this)\n" : ""}${show(answer, 0, pages)}`);
      } catch (error) {
        write(error instanceof UserFacingError ? error.message : `Sorry, something went wrong: ${(error as Error).message}`);
      }
    }
    if (io.terminal) lines.prompt();
  }
  lines.close();
}

function show(answer: Answer, page: number, pages: number): string {
  const text = messageToText(renderAnswer(answer, { page }).message);
  return pages > 1 ? `${text}\n\n(page ${page + 1} of ${pages}: /next, /prev)` : text;
}
