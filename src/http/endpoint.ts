import { Routes, type Client, type RESTOptions } from "discord.js";
import type { Logger } from "../logger.js";
import type { HealthSources } from "./health.js";
import { InteractionBridge } from "./interactionBridge.js";
import { NewsdeskMetrics, type MetricSources } from "./metrics.js";
import { startHttpServer } from "./server.js";
import { publicKeyFromHex } from "./signature.js";

export interface HttpEndpointOptions {
  port: number;
  host: string;
  /** The application's public key (64 hex); null serves only /healthz and /metrics. */
  publicKey: string | null;
  /** Defer an interaction the handlers have not answered after this long (default DEFAULT_DEFER_AFTER_MS). */
  deferAfterMs?: number;
}

/** The HTTP side of the bot, wired into the same discord.js client, handlers and logger as the gateway side. */
export interface HttpEndpoint {
  port: number;
  metrics: NewsdeskMetrics;
  /** The bot's logger, counting what it logs into the metrics. */
  logger: Logger;
  /** REST options for the client, so that first responses to HTTP interactions become HTTP replies. */
  rest: Partial<RESTOptions>;
  /** Hands HTTP interactions to this client's handlers. */
  attach(client: Client): void;
  /** Interactions-only mode: REST with the token (checked once), and no gateway connection. */
  useTokenWithoutGateway(client: Client, token: string): Promise<void>;
  /** The bot is loaded: answer interactions, report health and figures. */
  ready(sources: HealthSources & MetricSources): void;
  close(): Promise<void>;
}

export async function startHttpEndpoint(options: HttpEndpointOptions, baseLogger: Logger): Promise<HttpEndpoint> {
  const metrics = new NewsdeskMetrics();
  const logger = metrics.tap(baseLogger);
  const bridge = options.publicKey ? new InteractionBridge(options.deferAfterMs) : null;
  const server = await startHttpServer({
    port: options.port,
    host: options.host,
    logger,
    metrics,
    interactions: bridge && options.publicKey ? { publicKey: publicKeyFromHex(options.publicKey), bridge } : undefined,
  });
  return {
    port: server.port,
    metrics,
    logger,
    rest: bridge ? { makeRequest: bridge.makeRequest } : {},
    attach(client) {
      bridge?.attach(client);
    },
    async useTokenWithoutGateway(client, token) {
      client.rest.setToken(token);
      await client.rest.get(Routes.user()); // a bad token fails here, at start-up, as login would
      logger.info({ mode: "interactions-only" }, "using Discord's REST API without a gateway connection");
    },
    ready(sources) {
      metrics.readFrom(sources);
      server.ready(sources);
    },
    close: () => server.close(),
  };
}
