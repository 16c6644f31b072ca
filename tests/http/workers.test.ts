import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandin, type Standin } from "../e2e/standin.js";
import { freePort } from "../helpers/freePort.js";
import { freshPostgresUrl } from "../helpers/postgres.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.workers-test-token-not-real-000000000000";
const USER = "111111111111111111";

/** One worker: `npm start`'s entry point in interactions-only mode, on its own port and data folder, sharing one PostgreSQL. */
class Worker {
  private child: ChildProcess | null = null;
  constructor(readonly port: number, private readonly dataDir: string, private readonly standin: Standin, private readonly databaseUrl: string) {}

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: {
        ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: this.standin.apiUrl, DISCORD_PUBLIC_KEY: this.standin.publicKey,
        HTTP_PORT: String(this.port), HTTP_HOST: "127.0.0.1", INTERACTIONS_ONLY: "true", CORPUS_DIR: "corpus", DATA_DIR: this.dataDir, DATABASE_URL: this.databaseUrl, LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const health = await fetch(`http://127.0.0.1:${this.port}/healthz`).catch(() => null);
      if (health?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`worker on port ${this.port} did not become healthy`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

/** A load balancer of the simplest kind: each request to the next worker in turn; remembers who served what. */
function roundRobin(ports: number[]): { server: Server; served: number[]; listen(): Promise<string> } {
  let next = 0;
  const served: number[] = [];
  const server = createServer((incoming, outgoing) => {
    const port = ports[next++ % ports.length]!;
    served.push(port);
    const forwarded = request({ host: "127.0.0.1", port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  return {
    server,
    served,
    listen: () => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/interactions`))),
  };
}

let standin: Standin;
let folder: string;
let workers: Worker[];
let balancer: ReturnType<typeof roundRobin>;

beforeAll(async () => {
  standin = await startStandin();
  folder = mkdtempSync(path.join(os.tmpdir(), "newsdesk-workers-"));
  const databaseUrl = await freshPostgresUrl();
  workers = [new Worker(await freePort(), path.join(folder, "a"), standin, databaseUrl), new Worker(await freePort(), path.join(folder, "b"), standin, databaseUrl)];
  await Promise.all(workers.map((worker) => worker.start()));
  balancer = roundRobin(workers.map((worker) => worker.port));
  standin.useInteractionsEndpoint(await balancer.listen());
}, 90_000);

afterAll(async () => {
  await Promise.all((workers ?? []).map((worker) => worker.stop()));
  await new Promise((resolve) => balancer?.server.close(resolve));
  await standin?.close();
  rmSync(folder, { recursive: true, force: true });
});

const answerTo = async (sent: { id: string }) => (await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`), 10_000)).body;
const nextButton = (reply: any) => reply.data.components.at(-1).components[2].custom_id as string;
const pageLabel = (reply: any) => reply.data.components.at(-1).components[1].label as string;

describe("two workers behind one address", () => {
  it("turns a page on the other worker, and on a worker restarted since the answer", async () => {
    const first = await answerTo(standin.slashCommand("deal", [{ name: "query", type: 3, value: "OpenAI" }], { userId: USER }));
    expect(pageLabel(first)).toMatch(/^Page 1 of [3-9]/);

    const second = await answerTo(standin.button(nextButton(first), { userId: USER }));
    expect(second.type).toBe(7);
    expect(pageLabel(second)).toMatch(/^Page 2 of/);
    expect(second.data.embeds[0].title).not.toBe(first.data.embeds[0].title);
    expect(balancer.served.slice(-2)).toEqual([workers[0]!.port, workers[1]!.port]);

    // The next request goes to the first worker: restart it, so it has no memory of the answer.
    await workers[0]!.stop();
    await workers[0]!.start();
    const third = await answerTo(standin.button(nextButton(second), { userId: USER }));
    expect(balancer.served.at(-1)).toBe(workers[0]!.port);
    expect(third.type).toBe(7);
    expect(pageLabel(third)).toMatch(/^Page 3 of/);

    const stranger = await answerTo(standin.button(nextButton(third), { userId: "222222222222222222" }));
    expect(stranger.data.content).toMatch(/Only the person who asked/);
  }, 60_000);

  it("turns the pages of a question too long for a button's custom id on the other worker, from the shared database", async () => {
    const question = "which companies signed deals with openai for chips, cloud computing capacity or data centers in 2025";
    const first = await answerTo(standin.slashCommand("ask", [{ name: "question", type: 3, value: question }], { userId: USER }));
    expect(nextButton(first)).toMatch(/^pq:/);
    const served = balancer.served.at(-1);
    const second = await answerTo(standin.button(nextButton(first), { userId: USER }));
    expect(balancer.served.at(-1)).not.toBe(served);
    expect(second.type).toBe(7);
    expect(pageLabel(second)).toMatch(/^Page 2 of/);
    expect(nextButton(second)).toMatch(/^pq:/);
  }, 60_000);
});
