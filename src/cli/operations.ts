import { parseArgs } from "node:util";
import path from "node:path";
import { LOG_LEVELS, type LogLevel } from "../config.js";
import { createLogger } from "../logger.js";
import { migrateToPostgres } from "../operations/migrateToPostgres.js";
import { startRestProxy } from "../operations/restProxy.js";
import { DatabaseError, maskUrl } from "../store/database.js";
import type { CliIO } from "./run.js";

export { OPERATIONS, OPERATIONS_USAGE } from "./operationNames.js";

/**
 * Runs an operator command; resolves with the exit code. `rest-proxy` runs until `stop` resolves (the
 * process's SIGINT or SIGTERM).
 */
export async function runOperation(argv: string[], io: CliIO, stop: Promise<unknown>): Promise<number> {
  const [command, ...rest] = argv;
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args: rest, strict: true, options: { port: { type: "string" }, host: { type: "string" }, "data-dir": { type: "string" } } }).values;
  } catch (error) {
    io.stderr(`newsdesk: ${(error as Error).message}\nRun "newsdesk --help" for usage.\n`);
    return 2;
  }
  if (command === "rest-proxy") {
    const port = Number(values.port ?? "8080");
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      io.stderr(`newsdesk: --port must be a port number (0-65535), not "${values.port}"\n`);
      return 2;
    }
    const level = (io.env.LOG_LEVEL ?? "info").toLowerCase();
    const logger = createLogger((LOG_LEVELS as readonly string[]).includes(level) ? (level as LogLevel) : "info");
    const proxy = await startRestProxy({ port, host: values.host, upstream: io.env.DISCORD_API_URL?.trim() || null, logger });
    io.stdout(`REST proxy on ${proxy.url}: set DISCORD_API_URL=${proxy.url} for every Newsdesk process\n`);
    await stop;
    await proxy.close();
    return 0;
  }
  const databaseUrl = io.env.DATABASE_URL?.trim();
  if (!databaseUrl) {
    io.stderr("newsdesk: migrate-to-postgres needs DATABASE_URL, the empty PostgreSQL database to move into (postgres://user:password@host:5432/newsdesk)\n");
    return 2;
  }
  const dataDir = path.resolve(values["data-dir"] ?? (io.env.DATA_DIR?.trim() || "data"));
  try {
    const copied = await migrateToPostgres(dataDir, databaseUrl);
    io.stdout(`Moved ${dataDir} into ${maskUrl(databaseUrl)}: ${Object.entries(copied).map(([table, rows]) => `${rows} ${table}`).join(", ")}.\nStart every process with this DATABASE_URL.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    io.stderr(`newsdesk: ${error.message}\n`);
    return 1;
  }
}
