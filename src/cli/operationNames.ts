// The operator commands' names and usage, apart from their code: the question commands start without
// loading the database drivers and the REST proxy that the operations need.

/** The operator's commands, beside the question commands of run.ts. */
export const OPERATIONS = ["rest-proxy", "migrate-to-postgres"] as const;

export const OPERATIONS_USAGE = `Running at scale:
  rest-proxy [--port 8080] [--host 127.0.0.1]
                        the discord.js REST proxy every process sends through (DISCORD_API_URL=http://HOST:PORT/api),
                        so together they keep to the bot's global rate limit; forwards to DISCORD_API_URL, else Discord
  migrate-to-postgres [--data-dir DIR]
                        copy the SQLite install in DIR (default DATA_DIR, else ./data) into the empty PostgreSQL
                        database in DATABASE_URL; run it with the bot stopped`;
