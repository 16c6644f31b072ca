import { Events } from "discord.js";
import { createBot, createLogger, type NewsIndex } from "./compiled.js";
import { startStandin } from "../tests/e2e/standin.js";
import type { ScaleQuery } from "./scaleQueries.js";
import { summarize } from "./stats.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.scale-token-not-real-0000000000000000";
const OPTION = { ask: "question", deal: "query", summary: "topic" } as const;

/**
 * The queries as slash commands through the local Discord stand-in, one after another: how long until
 * Discord hears back (the reply, or the deferral on a large corpus) and until the answer is there.
 */
export async function interactionRoundTrips(index: NewsIndex, queries: ScaleQuery[]) {
  const standin = await startStandin();
  const bot = createBot({ index: () => index, logger: createLogger("silent"), apiUrl: standin.apiUrl, rest: { globalRequestsPerSecond: 1e6 } });
  const ready = new Promise((resolve) => bot.once(Events.ClientReady, resolve));
  await bot.login(TOKEN);
  await ready;
  const first: number[] = [];
  const answered: number[] = [];
  let deferred = 0;
  for (const query of queries) {
    const start = performance.now();
    const sent = standin.slashCommand(query.kind, [{ name: OPTION[query.kind], type: 3, value: query.text }]);
    const callback = await standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`), 20_000);
    first.push(callback.at - start);
    if (callback.body?.type === 5) {
      deferred++;
      // The answer edits the deferred reply (or, for "nothing found", follows up privately).
      const edit = await standin.waitForRequest((r) => (r.method === "PATCH" || r.method === "POST") && r.path.startsWith("/webhooks/") && r.path.includes(`/${sent.token}`), 20_000);
      answered.push(edit.at - start);
    } else answered.push(callback.at - start);
  }
  await bot.destroy();
  await standin.close();
  return { interactions: queries.length, deferred, firstResponseMs: summarize(first), answerMs: summarize(answered) };
}
