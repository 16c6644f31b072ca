import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { findCommand } from "../discord/commands/index.js";
import type { Logger } from "../logger.js";

/** Answer latency buckets, in seconds: most answers take milliseconds; Discord's limit is 3 s. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];

/**
 * What the delivery and feed code already logs, as the outcome each log line counts. Counting log events
 * keeps metrics out of the delivery and feed code (and of the store under it); the metrics test proves
 * the messages still match.
 */
const POST_RESULTS: Record<string, string> = {
  "posted": "sent",
  "posted a digest": "sent",
  "folded a burst into one message": "sent",
  "edited a post": "edited",
  "delivery failed; will retry": "failed",
  "Discord refused a post; dropped it": "dropped",
  "paused a subscription": "paused",
};
const FEED_RESULTS: Record<string, string> = { "polled a feed": "ok", "feed poll failed": "error" };

/** Where the figures that are read rather than counted come from; each is asked at scrape time. */
export interface MetricSources {
  articles(): number;
  waitingPosts(): number | Promise<number>;
}

/** Newsdesk's Prometheus metrics (prom-client), with Node's own: event-loop delay, memory, CPU. */
export class NewsdeskMetrics {
  readonly registry = new Registry();
  private sources: MetricSources | null = null;
  private readonly interactions = new Counter({ name: "newsdesk_interactions_total", help: "Interactions and mentions answered, by kind, command and outcome", labelNames: ["kind", "command", "outcome"], registers: [this.registry] });
  private readonly latency = new Histogram({ name: "newsdesk_answer_seconds", help: "Time from an interaction or mention reaching the handlers to its answer being sent", buckets: LATENCY_BUCKETS, registers: [this.registry] });
  private readonly posts = new Counter({ name: "newsdesk_posts_total", help: "Channel posts by result: sent, edited, failed (retried later), dropped, paused", labelNames: ["result"], registers: [this.registry] });
  private readonly feedPolls = new Counter({ name: "newsdesk_feed_polls_total", help: "Feed polls by result: ok or error", labelNames: ["result"], registers: [this.registry] });
  readonly httpRequests = new Counter({ name: "newsdesk_http_interactions_total", help: "Requests to POST /interactions by HTTP status", labelNames: ["status"], registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const metrics = this;
    new Gauge({ name: "newsdesk_articles_indexed", help: "Articles in the index", registers: [this.registry], collect() { this.set(metrics.sources?.articles() ?? 0); } });
    new Gauge({
      name: "newsdesk_posts_waiting",
      help: "Channel posts waiting in the outbox",
      registers: [this.registry],
      async collect() {
        this.set(metrics.sources ? await Promise.resolve(metrics.sources.waitingPosts()).catch(() => Number.NaN) : 0);
      },
    });
  }

  /** Starts reading the index and the outbox (once they exist). */
  readFrom(sources: MetricSources): void {
    this.sources = sources;
  }

  /** A logger that also counts the events it logs, whatever the log level lets through. */
  tap(logger: Logger): Logger {
    return tapLogger(logger, (message, fields) => this.count(message, fields));
  }

  private count(message: string, fields: Record<string, unknown>): void {
    if (message === "interaction" || message === "mention") {
      const kind = String(fields.kind ?? message);
      const command = typeof fields.command === "string" && findCommand(fields.command) ? fields.command : "";
      this.interactions.inc({ kind, command, outcome: String(fields.outcome ?? "unknown") });
      if (typeof fields.latencyMs === "number") this.latency.observe(fields.latencyMs / 1000);
    } else if (POST_RESULTS[message]) {
      this.posts.inc({ result: POST_RESULTS[message] });
    } else if (FEED_RESULTS[message]) {
      this.feedPolls.inc({ result: FEED_RESULTS[message] });
    }
  }
}

const TAPPED_LEVELS = new Set<PropertyKey>(["info", "warn", "error"]);

/** The logger as is, except that `info`, `warn` and `error` calls (and children's) are shown to `onLog` first. */
function tapLogger(logger: Logger, onLog: (message: string, fields: Record<string, unknown>) => void): Logger {
  return new Proxy(logger, {
    get(target, property, receiver) {
      if (property === "child") return (...args: Parameters<Logger["child"]>) => tapLogger(target.child(...args) as unknown as Logger, onLog);
      const value: unknown = Reflect.get(target, property, receiver);
      if (!TAPPED_LEVELS.has(property) || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
      return (fields: unknown, message?: unknown, ...rest: unknown[]) => {
        if (typeof message === "string" && fields && typeof fields === "object") onLog(message, fields as Record<string, unknown>);
        return (value as (...args: unknown[]) => void).call(target, fields, message, ...rest);
      };
    },
  });
}
