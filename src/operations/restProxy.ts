import { createServer, type Server } from "node:http";
import { proxyRequests } from "@discordjs/proxy";
import { REST } from "discord.js";
import type { Logger } from "../logger.js";

export interface RestProxyOptions {
  port: number;
  host?: string;
  /** Discord's API base the proxy forwards to (default Discord's own); the tests' stand-in in tests. */
  upstream?: string | null;
  logger: Logger;
}

export interface RestProxy {
  /** The base URL for the processes' DISCORD_API_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * The discord.js team's REST proxy (@discordjs/proxy): every Newsdesk process sends its REST calls here,
 * and one @discordjs/rest client holds the rate-limit state for all of them, so together they stay
 * within the bot token's global limit (50 requests a second) and each route's own buckets. The bot
 * token travels in each request's Authorization header; the proxy keeps none.
 */
export async function startRestProxy(options: RestProxyOptions): Promise<RestProxy> {
  const rest = new REST({ ...(options.upstream ? { api: options.upstream } : {}) });
  const handler = proxyRequests(rest);
  const server: Server = createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch((error: unknown) => {
      options.logger.error({ err: error, method: req.method, route: req.url?.replace(/\/webhooks\/(\d+)\/[^/?]+/, "/webhooks/$1/:token") }, "REST proxy request failed");
      if (!res.headersSent) res.statusCode = 502;
      res.end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as { port: number };
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/api`;
  options.logger.info({ url, upstream: options.upstream ?? "https://discord.com/api" }, "REST proxy listening");
  return {
    url,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
