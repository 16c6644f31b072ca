import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticCorpus } from "../../bench/synthetic.js";
import { startNewsdesk, type Newsdesk } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { ALL_PERMISSIONS, startStandin, type Standin } from "../e2e/standin.js";
import { wordpressRss } from "../feeds/fixtures.js";
import { startFeedServer, type FeedServer } from "../feeds/feedServer.js";
import { freePort } from "../helpers/freePort.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.health-test-token-not-real-00000000000000";
const ARTICLES = 600;

let standin: Standin;
let feedServer: FeedServer;
let newsdesk: Newsdesk;
let folder: string;
let base: string;
const whileStarting: Array<{ status: number; body: any }> = [];

beforeAll(async () => {
  standin = await startStandin();
  feedServer = await startFeedServer();
  feedServer.serve("/feed", wordpressRss([]), "application/rss+xml");
  folder = mkdtempSync(path.join(os.tmpdir(), "newsdesk-health-"));
  writeSyntheticCorpus(path.join(folder, "corpus"), ARTICLES);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // Only the gateway answers interactions here: the HTTP server serves health and metrics on its own port.
  const starting = startNewsdesk({
    corpusDir: path.join(folder, "corpus"), dataDir: path.join(folder, "data"), token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"),
    rest: { globalRequestsPerSecond: 1e6 }, http: { port, host: "127.0.0.1", publicKey: null },
    feeds: [feedServer.url("/feed"), feedServer.url("/error")], feedPolling: { allowPrivateAddresses: true },
  });
  let done = false;
  void starting.then(() => (done = true), () => (done = true));
  while (!done) {
    const response = await fetch(`${base}/healthz`).catch(() => null);
    if (response) whileStarting.push({ status: response.status, body: await response.json() });
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  newsdesk = await starting;
}, 120_000);

afterAll(async () => {
  await newsdesk?.stop();
  await standin?.close();
  await feedServer?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("/healthz", () => {
  it("answers 503 with the reason while the index loads, then 200 with the article count", async () => {
    expect(whileStarting.length).toBeGreaterThan(0);
    expect(whileStarting[0]).toEqual({ status: 503, body: { ok: false, articles: null, reasons: ["starting: the index is not loaded yet"] } });
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, articles: ARTICLES, reasons: [] });
  });
});

describe("/metrics", () => {
  it("counts interactions by command and outcome, answer latency, posts, articles, and shows Node's own figures", async () => {
    const replies = [
      standin.slashCommand("ask", [{ name: "question", type: 3, value: "who signed a compute deal?" }]),
      standin.slashCommand("ask", [{ name: "question", type: 3, value: "zzzqqqxxx" }]),
      standin.autocomplete("deal", [{ name: "query", type: 3, value: "a", focused: true }]),
      standin.slashCommand("subscribe", [{ name: "channel", type: 7, value: standin.channelIds[1] }, { name: "backfill", type: 4, value: 2 }], { memberPermissions: ALL_PERMISSIONS }),
    ];
    for (const sent of replies) await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${sent.id}/`));
    await expect.poll(() => standin.messagesIn(standin.channelIds[1]!).length, { timeout: 10_000 }).toBe(2);

    await expect.poll(async () => (await fetch(`${base}/metrics`)).text(), { timeout: 5_000 }).toMatch(/newsdesk_posts_total\{result="sent"\} 2/);
    await expect.poll(async () => (await fetch(`${base}/metrics`)).text(), { timeout: 5_000 }).toMatch(/newsdesk_feed_polls_total\{result="error"\} 1/);
    const text = await (await fetch(`${base}/metrics`)).text();
    const metrics = new Map(parsePrometheusTextFormat(text).map((family) => [family.name, family]));
    const value = (name: string, labels: Record<string, string> = {}) =>
      Number(metrics.get(name)?.metrics.find((m: any) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))?.value);

    expect(value("newsdesk_interactions_total", { kind: "command", command: "ask", outcome: "answered" })).toBe(1);
    expect(value("newsdesk_interactions_total", { kind: "command", command: "ask", outcome: "empty" })).toBe(1);
    expect(value("newsdesk_interactions_total", { kind: "autocomplete", command: "deal", outcome: "answered" })).toBe(1);
    expect(value("newsdesk_interactions_total", { kind: "command", command: "subscribe", outcome: "answered" })).toBe(1);
    const latency = metrics.get("newsdesk_answer_seconds")!.metrics[0]!;
    expect(Number(latency.count)).toBe(4);
    expect(Number(latency.buckets?.["3"])).toBe(4);
    expect(value("newsdesk_posts_total", { result: "sent" })).toBe(2);
    expect(value("newsdesk_posts_waiting")).toBe(0);
    expect(value("newsdesk_articles_indexed")).toBe(ARTICLES);
    expect(value("newsdesk_feed_polls_total", { result: "ok" })).toBe(1);
    expect(value("newsdesk_feed_polls_total", { result: "error" })).toBe(1);
    expect(metrics.get("nodejs_eventloop_lag_p99_seconds")).toBeDefined();
    expect(value("process_resident_memory_bytes")).toBeGreaterThan(1e7);
    expect(text).not.toContain(TOKEN.split(".")[2]);
    expect(text).not.toMatch(/compute deal/);
  });

  it("does not take interactions when no public key is set", async () => {
    expect((await fetch(`${base}/interactions`, { method: "POST", body: "{}" })).status).toBe(404);
  });
});

describe("/healthz with the database gone", () => {
  it("answers 503 and names the database", async () => {
    await newsdesk.database.close();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.reasons).toEqual([expect.stringMatching(/^the database does not answer/)]);
  });
});
