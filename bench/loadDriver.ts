// The Discord side of the load run, in a process of its own (`bench/load.ts` forks it): the local stand-in
// and the users sending interactions. Discord is not in the bot's process, so the bot's CPU is its own;
// with both on one thread, 100 interactions a second saturated it and the run measured the harness.
import { startStandin, type RecordedRequest, type Standin } from "../tests/e2e/standin.js";

/** What an interaction of the load must end with to count as answered. */
export type Expected = "source" | "nothing" | "choices";

export interface LoadOptions { count: number; users: number; seconds: number }

/** Parent -> driver. */
export type DriverCommand =
  | { type: "go"; options: LoadOptions; titles: string[]; companies: string[]; interactionsEndpoint: string | null }
  | { type: "close" };

/** What the driver measured: per interaction, what its user finally saw and how long it took. */
export interface DriverReport {
  sent: number;
  misses: Array<{ interaction: number; expected: Expected; final: { type: number; data: any } | null }>;
  latencies: number[];
  answeredTwice: number;
  refused: number;
  /** CPU of the stand-in and the users, per interaction. */
  standinCpuMs: number;
}

/** Driver -> parent. */
export type DriverMessage = { type: "ready"; apiUrl: string; publicKey: string } | { type: "done"; report: DriverReport } | { type: "error"; message: string };

/** The message the user finally sees: the callback Discord took, or the edit (or follow-up) after a deferral. */
async function finalMessage(standin: Standin, sent: { id: string; token: string }): Promise<{ at: number; type: number; data: any } | null> {
  const taken = (r: RecordedRequest) => r.status >= 200 && r.status < 300;
  const callback = await standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`) && taken(r), 20_000).catch(() => null);
  if (!callback) return null;
  if (callback.body?.type !== 5) return { at: callback.at, type: callback.body?.type, data: callback.body?.data ?? {} };
  const edit = await standin.waitForRequest((r) => taken(r) && ((r.method === "PATCH" && r.path.endsWith(`/${sent.token}/messages/@original`)) || (r.method === "POST" && r.path.startsWith("/webhooks/") && r.path.includes(sent.token))), 20_000).catch(() => null);
  return edit ? { at: edit.at, type: 4, data: edit.body ?? {} } : null;
}

/** Whether a final message is the answer expected: a cited source, "nothing matched", or autocomplete choices. */
export function isAnswer(expected: Expected, final: { type: number; data: any } | null): boolean {
  if (!final) return false;
  if (expected === "choices") return final.type === 8 && (final.data.choices?.length ?? 0) > 0;
  if (final.type !== 4 && final.type !== 7) return false;
  if (expected === "nothing") return /No article matches/.test(final.data.content ?? "");
  // A source is cited as an embed's title link, a link button, or a masked link in the text (as /latest lists them).
  const embeds = (final.data.embeds ?? []) as Array<{ url?: string; description?: string }>;
  const links = [
    ...embeds.map((embed) => embed.url),
    ...(final.data.components ?? []).flatMap((row: any) => row.components.map((button: any) => button.url)),
    ...embeds.flatMap((embed) => [...(embed.description ?? "").matchAll(/\]\((\S+)\)/g)].map((match) => match[1])),
  ];
  return links.some((url) => typeof url === "string" && /^https?:\/\/[^/]/.test(url));
}

/**
 * `count` interactions from `users` users, spread evenly over `seconds`: questions, deals, summaries,
 * autocomplete, /latest, and one in 50 with no answer. Latency runs from dispatch to the final message.
 */
async function drive(standin: Standin, command: Extract<DriverCommand, { type: "go" }>): Promise<DriverReport> {
  const { options, titles, companies } = command;
  if (command.interactionsEndpoint) standin.useInteractionsEndpoint(command.interactionsEndpoint);
  // One interaction first, not counted: this process's HTTP client and signing start on first use, and a bot
  // that has answered one before is what users meet (the bot warms its answers itself, see warmUp).
  const first = standin.autocomplete("deal", [{ name: "query", type: 3, value: companies[0]!.slice(0, 3), focused: true }]);
  await finalMessage(standin, first);
  const sent: Array<{ id: string; token: string; at: number; expected: Expected }> = [];
  const gap = (options.seconds * 1000) / options.count;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < options.count; i++) {
    const wait = start + i * gap - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const userId = String(300000000000000000n + BigInt(i % options.users));
    const title = titles[(i * 7919) % titles.length]!;
    const company = companies[(i * 104729) % companies.length]!;
    const kind = i % 50 === 49 ? 5 : i % 5;
    const at = performance.now();
    const interaction =
      kind === 0 ? standin.slashCommand("ask", [{ name: "question", type: 3, value: `who did ${title.split(" ")[0]} sign a deal with?` }], { userId })
      : kind === 1 ? standin.slashCommand("deal", [{ name: "query", type: 3, value: company }], { userId })
      : kind === 2 ? standin.slashCommand("summary", [{ name: "topic", type: 3, value: title }], { userId })
      : kind === 3 ? standin.autocomplete("deal", [{ name: "query", type: 3, value: company.slice(0, 3), focused: true }], { userId })
      : kind === 4 ? standin.slashCommand("latest", [{ name: "count", type: 4, value: 5 }], { userId })
      : standin.slashCommand("ask", [{ name: "question", type: 3, value: "zebra quidditch xylophone" }], { userId }); // one in 50 has no answer
    const expected: Expected = kind === 3 ? "choices" : kind === 5 ? "nothing" : "source";
    sent.push({ ...interaction, at, expected });
  }
  // Looked for once the bot has gone quiet (no request for half a second, or 20 s): the looking takes this
  // process's thread for a while, and a request arriving meanwhile would be stamped late.
  for (let seen = -1, waited = 0; seen !== standin.requests.length && waited < 20_000; waited += 500) {
    seen = standin.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const finals = await Promise.all(sent.map((s) => finalMessage(standin, s)));
  const cpu = process.cpuUsage(cpuBefore);
  const misses = sent.flatMap((s, i) => (isAnswer(s.expected, finals[i]!) ? [] : [{ interaction: i, expected: s.expected, final: finals[i] ?? null }]));
  const latencies = finals.flatMap((final, i) => (final ? [final.at - sent[i]!.at] : []));
  const callbacksTaken = sent.map((s) => standin.requests.filter((r) => r.method === "POST" && r.path.startsWith(`/interactions/${s.id}/`) && r.status < 300).length);
  const refused = command.interactionsEndpoint ? sent.filter((s) => standin.endpointStatus.get(s.id) !== 200).length : 0;
  return {
    sent: sent.length,
    misses,
    latencies,
    answeredTwice: callbacksTaken.filter((n) => n > 1).length,
    refused,
    standinCpuMs: (cpu.user + cpu.system) / 1000 / options.count,
  };
}

/** Runs as the forked driver: start the stand-in, say where it is, then do what the parent says. */
async function main(): Promise<void> {
  const send = (message: DriverMessage) => process.send!(message);
  const standin = await startStandin();
  process.once("disconnect", () => process.exit(0)); // the bot's process is gone: nobody is left to drive
  process.on("message", (command: DriverCommand) => {
    if (command.type === "go") {
      drive(standin, command).then(
        (report) => send({ type: "done", report }),
        (error: unknown) => send({ type: "error", message: error instanceof Error ? error.stack ?? error.message : String(error) }),
      );
    } else {
      void standin.close().finally(() => process.disconnect());
    }
  });
  send({ type: "ready", apiUrl: standin.apiUrl, publicKey: standin.publicKey });
}

if (process.send && process.argv.includes("--load-driver")) await main();
