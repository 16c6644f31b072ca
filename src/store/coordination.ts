import pg from "pg";
import type { Logger } from "../logger.js";
import { ARTICLES_CHANNEL } from "../delivery/store.js";
import { postgresClientConfig } from "./database.js";

/** Held by the one process that watches the corpus folder and writes its articles to the database. */
const CORPUS_LEADER_LOCK = 7_140_352_003;

export interface CoordinatorOptions {
  /** The PostgreSQL connection string (DATABASE_URL). */
  url: string;
  logger: Logger;
  /** Articles may have changed (a notification, or a reconnect after which some may have been missed). */
  onArticlesChanged: () => void;
  /** This process became, or stopped being, the corpus leader. */
  onLeadership: (leading: boolean) => void;
  /** How often a process that is not the leader asks for the lock, and waits before reconnecting (default 2 s). */
  retryMs?: number;
}

/**
 * One dedicated PostgreSQL connection per process for what spans processes: it LISTENs for article
 * changes (NOTIFY from whichever process wrote them) and holds the corpus leader's advisory lock. The lock
 * is a session lock, so it goes with the connection: a process that dies, or loses its connection, stops
 * leading at once, and another process takes the lock at its next try.
 */
export class PostgresCoordinator {
  private client: pg.Client | null = null;
  /** Gives up the current connection (and with it the lock), to connect again at the next tick. */
  private drop: (error?: Error) => void = () => undefined;
  private leading = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly retryMs: number;

  constructor(private readonly options: CoordinatorOptions) {
    this.retryMs = options.retryMs ?? 2_000;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  /** Connects, listens and makes a first bid for leadership; then keeps at it until stopped. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
    this.timer = setInterval(() => void this.tick(), this.retryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    const client = this.client;
    this.client = null;
    this.setLeading(false);
    await client?.end().catch(() => undefined);
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    if (!this.client) await this.connect();
    else if (!this.leading) await this.bid();
    else {
      // The leader makes sure its connection (and so its lock) is still there: a connection that died
      // silently would otherwise leave it watching the corpus beside the process that took the lock.
      const client = this.client;
      await client.query("SELECT 1").catch((error: Error) => {
        if (this.client === client) this.drop(error);
      });
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(postgresClientConfig(this.options.url));
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      this.setLeading(false);
      client.end().catch(() => undefined);
      if (!this.stopped) this.options.logger.warn({ err: error }, "lost the coordination connection to PostgreSQL; reconnecting");
    };
    client.on("error", lost);
    client.on("end", () => lost());
    this.drop = lost;
    client.on("notification", (message) => {
      if (message.channel === ARTICLES_CHANNEL) this.options.onArticlesChanged();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${ARTICLES_CHANNEL}`);
    } catch (error) {
      client.end().catch(() => undefined);
      this.options.logger.warn({ err: error }, "cannot reach PostgreSQL for coordination; will retry");
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    // Whatever changed while this process was not listening is read now.
    this.options.onArticlesChanged();
    await this.bid();
  }

  private async bid(): Promise<void> {
    const client = this.client;
    if (!client) return;
    try {
      const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [CORPUS_LEADER_LOCK]);
      if (rows[0]?.locked && this.client === client) this.setLeading(true);
    } catch (error) {
      this.options.logger.warn({ err: error }, "could not ask for the corpus leader lock");
    }
  }

  private setLeading(leading: boolean): void {
    if (this.leading === leading) return;
    this.leading = leading;
    this.options.onLeadership(leading);
  }
}
