import { Client, Events, GatewayIntentBits } from "discord.js";
import { createBot } from "../src/discord/bot.js";
import { createLogger } from "../src/logger.js";
import type { NewsIndex } from "../src/search/newsIndex.js";
import { startStandin, type Standin } from "../tests/e2e/standin.js";
import { round, summarize } from "./stats.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.bench-token-not-real-00000000000000000";

/** Mixed interactions: questions, deals, summaries, latest and autocomplete, as users send them. */
const MIX: Array<[string, any[], "command" | "autocomplete"]> = [
  ["ask", [{ name: "question", type: 3, value: "who is supplying OpenAI's chips?" }], "command"],
  ["deal", [{ name: "query", type: 3, value: "OpenAI" }], "command"],
  ["summary", [{ name: "topic", type: 3, value: "AWS compute deal" }], "command"],
  ["latest", [{ name: "count", type: 4, value: 5 }], "command"],
  ["ask", [{ name: "question", type: 3, value: "Antropic series F valuation" }], "command"],
  ["deal", [{ name: "query", type: 3, value: "Nvidia Intel stake" }], "command"],
  ["deal", [{ name: "query", type: 3, value: "mic", focused: true }], "autocomplete"],
  ["summary", [{ name: "topic", type: 3, value: "wiz", focused: true }], "autocomplete"],
];

/** INTERACTION_CREATE dispatched -> the answer's callback received, for each interaction, in sequence. */
export async function roundTrips(standin: Standin, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const [name, options, kind] = MIX[i % MIX.length]!;
    const start = performance.now();
    const sent = kind === "autocomplete" ? standin.autocomplete(name, options) : standin.slashCommand(name, options);
    const reply = await standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
    times.push(reply.at - start);
  }
  return times;
}

async function login(client: Client) {
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(TOKEN);
  await ready;
}

/** Our bot and a bare discord.js bot that only replies "ok", side by side in one run. */
export async function benchInteractions(index: NewsIndex, count = 240) {
  const ours = await startStandin();
  const bot = createBot({ index: () => index, logger: createLogger("silent"), apiUrl: ours.apiUrl, rest: { globalRequestsPerSecond: 1e6 } });
  await login(bot);
  await roundTrips(ours, 24); // warm-up
  const newsdesk = await roundTrips(ours, count);
  await bot.destroy();
  await ours.close();

  const theirs = await startStandin();
  const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: theirs.apiUrl, globalRequestsPerSecond: 1e6 } });
  bare.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isAutocomplete()) void interaction.respond([{ name: "ok", value: "ok" }]);
    else if (interaction.isRepliable()) void interaction.reply("ok");
  });
  await login(bare);
  await roundTrips(theirs, 24);
  const baseline = await roundTrips(theirs, count);
  await bare.destroy();
  await theirs.close();

  const a = summarize(newsdesk);
  const b = summarize(baseline);
  return { interactions: count, newsdesk: a, bareBot: b, ratioMedian: round(a.median / b.median, 2), ratioP99: round(a.p99 / b.p99, 2) };
}
