import { randomUUID } from "node:crypto";
import type { Answer } from "../answers/answer.js";
import { ask } from "../answers/ask.js";
import { deal } from "../answers/deal.js";
import type { SearchableIndex } from "../search/newsIndex.js";
import { ASK_RESULTS } from "./commands/ask.js";
import { DEAL_RESULTS } from "./commands/deal.js";

/** How long Previous/Next buttons keep working. */
export const DEFAULT_PAGE_TTL_MS = 10 * 60_000;
/** Most answers kept for paging at once; the oldest goes first. */
export const MAX_PAGED_ANSWERS = 5_000;

/** A paged answer: who may turn its pages, and until when. */
export interface PagedAnswer {
  answer: Answer;
  ownerId: string;
  ephemeral: boolean;
  expiresAt: number;
}

/** Where the questions of paged answers too long for a custom id are kept for every worker (the database). */
export interface SharedPages {
  keep(request: Omit<PageRequest, "page">): Promise<string>;
  get(id: string): Promise<Omit<PageRequest, "page"> | null>;
}

/** Answers whose pages can be turned, by a short id carried in the buttons' custom ids. */
export class PageStore {
  private readonly entries = new Map<string, PagedAnswer>();

  constructor(private readonly ttlMs = DEFAULT_PAGE_TTL_MS, readonly now: () => number = Date.now, readonly shared: () => SharedPages | undefined = () => undefined) {}

  /**
   * The Previous/Next ids of an answer's first page. They carry the query themselves when it fits (any
   * worker, or this one after a restart, can turn the page); a longer query is kept in the database, for
   * every worker too; without a database, the answer is kept here, in this process only.
   */
  async pagerFor(answer: Answer, ownerId: string, ephemeral: boolean): Promise<{ previous: string; next: string }> {
    if (answer.type === "ask" || answer.type === "deal") {
      const request = { kind: answer.type, query: answer.query, ownerId, expiresAt: this.now() + this.ttlMs };
      const ids = statelessPagerIds(request, 0);
      if (ids) return ids;
      const shared = this.shared();
      if (shared) return sharedPagerIds(await shared.keep(request), 0);
    }
    return pagerIds(this.keep(answer, ownerId, ephemeral), 0);
  }

  /** Keeps an answer for paging and returns the id its buttons carry. */
  keep(answer: Answer, ownerId: string, ephemeral: boolean): string {
    this.sweep();
    if (this.entries.size >= MAX_PAGED_ANSWERS) this.entries.delete(this.entries.keys().next().value!);
    const id = randomUUID().replace(/-/g, "").slice(0, 16);
    this.entries.set(id, { answer, ownerId, ephemeral, expiresAt: this.now() + this.ttlMs });
    return id;
  }

  /** The answer behind a button, or null when it expired or never existed. */
  get(id: string): PagedAnswer | null {
    const entry = this.entries.get(id);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(id);
      return null;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }
}

/** Custom ids of the paging buttons kept in this process: `page:<answer id>:<page to show>`. */
export function pagerIds(answerId: string, page: number): { previous: string; next: string } {
  return { previous: `page:${answerId}:${page - 1}`, next: `page:${answerId}:${page + 1}` };
}

export function parsePagerId(customId: string): { answerId: string; page: number } | null {
  const match = /^page:([0-9a-f]+):(-?\d+)$/.exec(customId);
  return match ? { answerId: match[1]!, page: Number(match[2]) } : null;
}

/** Custom ids of paging buttons whose question is kept in the database: `pq:<question id>:<page to show>`. */
export function sharedPagerIds(questionId: string, page: number): { previous: string; next: string } {
  return { previous: `pq:${questionId}:${page - 1}`, next: `pq:${questionId}:${page + 1}` };
}

export function parseSharedPagerId(customId: string): { questionId: string; page: number } | null {
  const match = /^pq:([A-Za-z0-9_-]{1,32}):(-?\d+)$/.exec(customId);
  return match ? { questionId: match[1]!, page: Number(match[2]) } : null;
}

/** The answers that page, by the one-letter code their self-contained buttons carry. */
const PAGED_KINDS = { a: "ask", d: "deal" } as const;
type PagedKind = (typeof PAGED_KINDS)[keyof typeof PAGED_KINDS];

/**
 * What a self-contained paging button carries: enough to answer again on any worker, or after a restart,
 * with no memory of the first answer. The query is asked again when the page turns.
 */
export interface PageRequest {
  kind: PagedKind;
  query: string;
  ownerId: string;
  expiresAt: number;
  page: number;
}

/** Discord's limit on a custom id; the renderer adds `:label` to the Next id for the disabled page label. */
const MAX_PAGER_ID = 100 - ":label".length;

/**
 * Self-contained paging ids, `pg:<kind>:<page>:<owner, base 36>:<expiry ms, base 36>:<query>`, or null when the
 * query is too long to fit in Discord's 100 characters (about 60): then the answer is kept by a PageStore.
 */
export function statelessPagerIds(request: Omit<PageRequest, "page">, page: number): { previous: string; next: string } | null {
  const code = Object.entries(PAGED_KINDS).find(([, kind]) => kind === request.kind)?.[0];
  if (!code || !/^\d{1,20}$/.test(request.ownerId)) return null;
  const id = (to: number) => `pg:${code}:${to}:${BigInt(request.ownerId).toString(36)}:${Math.ceil(request.expiresAt).toString(36)}:${request.query}`;
  const ids = { previous: id(page - 1), next: id(page + 1) };
  return ids.next.length <= MAX_PAGER_ID && ids.previous.length <= MAX_PAGER_ID ? ids : null;
}

export function parseStatelessPagerId(customId: string): PageRequest | null {
  const match = /^pg:([a-z]):(-?\d+):([0-9a-z]{1,14}):([0-9a-z]{1,12}):([\s\S]*)$/.exec(customId);
  const kind = match ? PAGED_KINDS[match[1] as keyof typeof PAGED_KINDS] : undefined;
  if (!match || !kind) return null;
  const ownerId = [...match[3]!].reduce((n, digit) => n * 36n + BigInt(parseInt(digit, 36)), 0n).toString();
  return { kind, page: Number(match[2]), ownerId, expiresAt: parseInt(match[4]!, 36), query: match[5]! };
}

/** The answer a self-contained paging button stands for, asked again of today's index. */
export function answerAgain(request: PageRequest, index: SearchableIndex): Answer {
  return request.kind === "ask" ? ask(index, request.query, ASK_RESULTS) : deal(index, request.query, DEAL_RESULTS);
}
