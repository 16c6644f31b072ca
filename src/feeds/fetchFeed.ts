import { fetch } from "undici";
import { literalPrivateHost, publicOnlyAgent, type FeedNetwork } from "./addressCheck.js";

/** What a poll may spend on one feed. */
export interface FetchLimits {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** Refuse bodies larger than this (default 5 MB). */
  maxBytes?: number;
  /** Follow at most this many redirects (default 5). */
  maxRedirects?: number;
}

export type FetchResult =
  | { status: "not-modified" }
  | { status: "ok"; body: string; etag: string | null; lastModified: string | null; url: string };

/** Why a feed could not be fetched, in words for /feed list and the log. */
export class FeedFetchError extends Error {
  override readonly name = "FeedFetchError";
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Fetches a feed with a conditional request (If-None-Match / If-Modified-Since), so an unchanged feed
 * costs one 304; with a timeout, a size cap read as the body streams in, and redirects followed by hand
 * so a loop is named as one.
 */
export async function fetchFeed(
  url: string,
  validators: { etag: string | null; lastModified: string | null },
  limits: FetchLimits = {},
  access: { publicOnly: boolean; signal?: AbortSignal; network?: FeedNetwork } = { publicOnly: false },
): Promise<FetchResult> {
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeout = AbortSignal.timeout(limits.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = access.signal ? AbortSignal.any([timeout, access.signal]) : timeout;
  const seen = new Set<string>();
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      if (seen.has(current)) throw new FeedFetchError(`redirect loop at ${current}`);
      if (hop > (limits.maxRedirects ?? 5)) throw new FeedFetchError(`more than ${limits.maxRedirects ?? 5} redirects`);
      seen.add(current);
      const headers: Record<string, string> = { "user-agent": "Newsdesk feed reader", accept: "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5" };
      if (validators.etag) headers["if-none-match"] = validators.etag;
      if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
      if (access.publicOnly) {
        const refused = literalPrivateHost(new URL(current));
        if (refused) throw new FeedFetchError(refused);
      }
      const response = await fetch(current, { headers, redirect: "manual", signal, ...(access.publicOnly ? { dispatcher: publicOnlyAgent(access.network) } : {}) });
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        const location = response.headers.get("location");
        await response.body?.cancel();
        if (!location) throw new FeedFetchError(`HTTP ${response.status} without a Location`);
        const next = new URL(location, current);
        if (next.protocol !== "http:" && next.protocol !== "https:") throw new FeedFetchError(`redirect to ${next.protocol} refused`);
        current = next.href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        return { status: "not-modified" };
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new FeedFetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
      }
      const declared = Number(response.headers.get("content-length"));
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new FeedFetchError(`response is ${declared} bytes, over the ${maxBytes}-byte limit`);
      }
      const body = await readCapped(response, maxBytes);
      return { status: "ok", body, etag: response.headers.get("etag"), lastModified: response.headers.get("last-modified"), url: current };
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if ((error as Error).name === "TimeoutError") throw new FeedFetchError(`no complete answer within ${Math.round((limits.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === "EPRIVATE") throw new FeedFetchError(cause.message ?? "private address refused");
    throw new FeedFetchError(`could not connect (${cause?.code ?? cause?.message ?? (error as Error).message})`);
  }
}

async function readCapped(response: Awaited<ReturnType<typeof fetch>>, maxBytes: number): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new FeedFetchError(`response is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8").decode(Buffer.concat(chunks));
}
