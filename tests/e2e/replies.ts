import type { Standin } from "./standin.js";

/**
 * The answer a user finally sees for an interaction, whether the bot replied at once or deferred first
 * and then edited its reply (or followed up): `{ type, data }` with the deferral's flags carried over.
 */
export async function finalReply(standin: Standin, sent: { id: string; token: string }): Promise<{ type: number; data: any }> {
  const callback = await standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/interactions/${sent.id}/`));
  if (callback.body.type !== 5) return callback.body;
  const final = await standin.waitForRequest(
    (r) => (r.method === "PATCH" && r.path.endsWith(`/${sent.token}/messages/@original`)) || (r.method === "POST" && r.path.startsWith("/webhooks/") && r.path.includes(sent.token)),
  );
  return { type: 4, data: { ...final.body, flags: (final.body.flags ?? 0) | (callback.body.data?.flags ?? 0) } };
}
