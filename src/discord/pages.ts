import { randomUUID } from "node:crypto";
import type { Answer } from "../answers/answer.js";

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

/** Answers whose pages can be turned, by a short id carried in the buttons' custom ids. */
export class PageStore {
  private readonly entries = new Map<string, PagedAnswer>();

  constructor(private readonly ttlMs = DEFAULT_PAGE_TTL_MS, private readonly now: () => number = Date.now) {}

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

/** Custom ids of the paging buttons: `page:<answer id>:<page to show>`. */
export function pagerIds(answerId: string, page: number): { previous: string; next: string } {
  return { previous: `page:${answerId}:${page - 1}`, next: `page:${answerId}:${page + 1}` };
}

export function parsePagerId(customId: string): { answerId: string; page: number } | null {
  const match = /^page:([0-9a-f]+):(-?\d+)$/.exec(customId);
  return match ? { answerId: match[1]!, page: Number(match[2]) } : null;
}
