import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { ask } from "../answers/ask.js";
import { UserFacingError, type Answer } from "../answers/answer.js";
import { deal } from "../answers/deal.js";
import { latest } from "../answers/latest.js";
import { summary } from "../answers/summary.js";
import path from "node:path";
import { resolveCorpusDir } from "../paths.js";
import { renderAnswer } from "../render/answer.js";
import { answerToJson } from "../render/json.js";
import { messageToText } from "../render/text.js";
import { OPERATIONS_USAGE } from "./operationNames.js";
import { loadIndexedCorpus, SNAPSHOT_FILE } from "../search/snapshot.js";

export const USAGE = `Usage: newsdesk <command> [query] [options]

Commands:
  ask <question>        the articles that answer a question, with their matching key points
  deal <company|topic>  the deals of a company or on a topic (non-deal news after them)
  summary <topic>       one article's summary and key points, with the next best matches
  latest                the newest articles
  check                 validate the corpus: list every bad file with its reason (exit 1 if any)

Options:
  --corpus DIR   corpus folder (default: CORPUS_DIR, else ./corpus, else the bundled corpus)
  --limit N      how many results (1-100)
  --json         print the answer as JSON
  -h, --help     show this help

With no query and input from a pipe, each input line is one query and each answer one JSON line.

${OPERATIONS_USAGE}`;

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

type QueryCommand = "ask" | "deal" | "summary";
const COMMANDS = ["ask", "deal", "summary", "latest", "check"] as const;

class UsageError extends Error {}

/**
 * Where the command keeps its index between runs, as the bot does: DATA_DIR, else `./data` (see "Speed"
 * in the README). A large corpus is parsed and indexed once; later runs read the snapshot and only the
 * files changed since.
 */
export function cliSnapshotFile(env: Record<string, string | undefined>): string {
  return path.resolve(env.DATA_DIR || "data", SNAPSHOT_FILE);
}

/** Runs the `newsdesk` command line and returns its exit code (0 ok, 1 bad corpus on check, 2 bad usage). */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    io.stderr(`newsdesk: ${(error as Error).message}\nRun "newsdesk --help" for usage.\n`);
    return 2;
  }
  if (parsed.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const corpusDir = resolveCorpusDir(parsed.corpus ?? io.env.CORPUS_DIR);
  let loaded;
  try {
    loaded = await loadIndexedCorpus(corpusDir, { snapshotFile: cliSnapshotFile(io.env) });
  } catch (error) {
    io.stderr(`newsdesk: cannot read the corpus folder ${corpusDir} (${(error as NodeJS.ErrnoException).code ?? error})\n`);
    return 2;
  }
  const { corpus, index } = loaded;
  if (loaded.snapshot.saveError) io.stderr(`warning: could not save the index snapshot ${cliSnapshotFile(io.env)} (${loaded.snapshot.saveError})\n`);
  if (parsed.command === "check") {
    for (const problem of corpus.problems) io.stdout(`${problem.file}: ${problem.reason}\n`);
    io.stdout(`${corpus.articles.length} articles loaded, ${corpus.problems.length} bad file${corpus.problems.length === 1 ? "" : "s"} in ${corpusDir}\n`);
    return corpus.problems.length > 0 ? 1 : 0;
  }
  for (const problem of corpus.problems) io.stderr(`warning: skipped ${problem.file}: ${problem.reason}\n`);

  if (parsed.command === "latest") {
    print(latest(index, parsed.limit ?? undefined), parsed.json, io);
    return 0;
  }
  const command = parsed.command;
  const answerFor = (query: string): Answer => {
    if (command === "ask") return ask(index, query, parsed.limit ?? undefined);
    if (command === "deal") return deal(index, query, parsed.limit ?? undefined);
    return summary(index, query);
  };
  if (parsed.query) {
    try {
      print(answerFor(parsed.query), parsed.json, io);
      return 0;
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      io.stderr(`newsdesk: ${error.message}\n`);
      return 2;
    }
  }
  if (io.stdin.isTTY) {
    io.stderr(`newsdesk: "${command}" needs a query, e.g. newsdesk ${command} ${EXAMPLES[command]}\n`);
    return 2;
  }
  // One query per input line, one JSON answer per line, written as soon as the line is read.
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    try {
      io.stdout(`${JSON.stringify(answerToJson(answerFor(line)))}\n`);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      io.stdout(`${JSON.stringify({ query: line, error: error.message })}\n`);
    }
  }
  return 0;
}

const EXAMPLES: Record<QueryCommand, string> = {
  ask: '"Who is supplying OpenAI\'s chips?"',
  deal: "OpenAI",
  summary: '"AWS compute deal"',
};

function print(answer: Answer, json: boolean, io: CliIO): void {
  io.stdout(json ? `${JSON.stringify(answerToJson(answer), null, 2)}\n` : `${messageToText(renderAnswer(answer).message)}\n`);
}

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      corpus: { type: "string" },
      limit: { type: "string" },
      json: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) return { help: true as const, command: "check" as const, query: "", json: false, limit: null, corpus: undefined };
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError(`missing command (one of: ${COMMANDS.join(", ")})`);
  if (!(COMMANDS as readonly string[]).includes(command)) throw new UsageError(`unknown command "${command}" (one of: ${COMMANDS.join(", ")})`);
  let limit: number | null = null;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError(`--limit must be a whole number from 1 to 100, not "${values.limit}"`);
  }
  if (values.corpus !== undefined && !values.corpus.trim()) throw new UsageError("--corpus needs a folder");
  if ((command === "latest" || command === "check") && rest.length) throw new UsageError(`"${command}" takes no query (got "${rest.join(" ")}")`);
  return { help: false as const, command: command as (typeof COMMANDS)[number], query: rest.join(" ").trim(), json: values.json ?? false, limit, corpus: values.corpus };
}
