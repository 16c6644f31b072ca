import { randomBytes } from "node:crypto";
import type { PageRequest, SharedPages } from "../discord/pages.js";
import type { Executor } from "./database.js";

/**
 * The questions of paged answers too long to travel in a button's custom id, kept in the database so that
 * whichever worker (or a restarted one) receives the Previous/Next click can ask them again.
 */
export class PagedQueryStore implements SharedPages {
  constructor(private readonly db: Executor, private readonly now: () => number = Date.now) {}

  async keep(request: Omit<PageRequest, "page">): Promise<string> {
    const id = randomBytes(9).toString("base64url");
    // Expired questions go as new ones come: the table holds about ten minutes of long questions.
    await this.db.deleteFrom("paged_queries").where("expires_at", "<=", this.now()).execute();
    await this.db.insertInto("paged_queries").values({ id, kind: request.kind, query: request.query, owner_id: request.ownerId, expires_at: request.expiresAt }).execute();
    return id;
  }

  async get(id: string): Promise<Omit<PageRequest, "page"> | null> {
    const row = await this.db.selectFrom("paged_queries").selectAll().where("id", "=", id).where("expires_at", ">", this.now()).executeTakeFirst();
    if (!row || (row.kind !== "ask" && row.kind !== "deal")) return null;
    return { kind: row.kind, query: row.query, ownerId: row.owner_id, expiresAt: Number(row.expires_at) };
  }
}
