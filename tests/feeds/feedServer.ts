import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A local HTTP server that serves feed documents and misbehaves on request, for the feed tests. */
export interface FeedServer {
  url(path: string): string;
  /** Serve a document at a path (with an ETag derived from it, honouring If-None-Match). */
  serve(path: string, body: string, contentType?: string): void;
  /** Answer a path with a 302 to `location`. */
  redirect(path: string, location: string): void;
  /** Requests seen per path, and how many were answered 304. */
  hits(path: string): { requests: number; notModified: number };
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const documents = new Map<string, { body: string; type: string; etag: string }>();
  const counts = new Map<string, { requests: number; notModified: number }>();
  const redirects = new Map<string, string>();
  let version = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const count = counts.get(path) ?? { requests: 0, notModified: 0 };
    counts.set(path, { ...count, requests: count.requests + 1 });
    if (path === "/error") return void response.writeHead(500).end("Internal Server Error");
    if (path === "/loop-a") return void response.writeHead(302, { location: "/loop-b" }).end();
    if (path === "/loop-b") return void response.writeHead(301, { location: "/loop-a" }).end();
    if (path === "/slow") {
      const timer = setTimeout(() => response.writeHead(200, { "content-type": "application/rss+xml" }).end("<rss/>"), 5_000);
      response.on("close", () => clearTimeout(timer));
      return;
    }
    if (path === "/huge") {
      // 50 MB of XML, streamed without a Content-Length, until the reader gives up.
      response.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = `<item><title>${"x".repeat(1000)}</title></item>`.repeat(64);
      let sent = 0;
      const pump = () => {
        while (sent < 50 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
        response.end();
      };
      response.on("close", () => (sent = Infinity));
      return pump();
    }
    const redirect = redirects.get(path);
    if (redirect) return void response.writeHead(302, { location: redirect }).end();
    const document = documents.get(path);
    if (!document) return void response.writeHead(404).end("not found");
    if (request.headers["if-none-match"] === document.etag) {
      counts.get(path)!.notModified++;
      return void response.writeHead(304, { etag: document.etag }).end();
    }
    response.writeHead(200, { "content-type": document.type, etag: document.etag }).end(document.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    serve(path, body, type = "application/rss+xml") {
      documents.set(path, { body, type, etag: `"v${++version}"` });
    },
    redirect(path, location) {
      redirects.set(path, location);
    },
    hits: (path) => counts.get(path) ?? { requests: 0, notModified: 0 },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
