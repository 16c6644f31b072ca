/** What /healthz asks once the bot is loaded. */
export interface HealthSources {
  /** Articles in the index (the index is loaded once this is known). */
  articles(): number;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  checkDatabase(): Promise<void>;
}

/** The health report: `ok`, and otherwise the reasons, in words an operator can act on (no secrets, no article text). */
export interface Health {
  ok: boolean;
  articles: number | null;
  reasons: string[];
}

/** How long the database may take to answer before it counts as down. */
export const DATABASE_CHECK_TIMEOUT_MS = 2_000;

export async function checkHealth(sources: HealthSources | null): Promise<Health> {
  if (!sources) return { ok: false, articles: null, reasons: ["starting: the index is not loaded yet"] };
  const reasons: string[] = [];
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sources.checkDatabase(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("timed out")), DATABASE_CHECK_TIMEOUT_MS))),
    ]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    reasons.push(`the database does not answer${typeof code === "string" ? ` (${code})` : (error as Error).message === "timed out" ? " (timed out)" : ""}`);
  } finally {
    clearTimeout(timer);
  }
  return { ok: reasons.length === 0, articles: sources.articles(), reasons };
}
