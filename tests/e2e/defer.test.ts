import { Events, type Client } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/discord/bot.js";
import { createLogger } from "../../src/logger.js";
import { bundledIndex } from "../helpers/corpus.js";
import { startStandin, type Standin } from "./standin.js";

let standin: Standin;
let client: Client;

beforeAll(async () => {
  const index = await bundledIndex();
  standin = await startStandin();
  // A corpus "larger" than the threshold: every command defers first, as it would at archive scale.
  client = createBot({ index: () => index, logger: createLogger("silent"), apiUrl: standin.apiUrl, deferAboveArticles: 0, rest: { globalRequestsPerSecond: 1e6 } });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login("MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.defer-test-token-not-real-0000000000000");
  await ready;
});

afterAll(async () => {
  await client?.destroy();
  await standin?.close();
});

describe("on a corpus large enough to defer", () => {
  it("defers at once, then edits the deferred reply with the answer", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }]);
    const deferred = await standin.waitForRequest((r) => r.path === `/interactions/${asked.id}/${asked.token}/callback`);
    expect(deferred.body).toMatchObject({ type: 5 });
    const edit = await standin.waitForRequest((r) => r.method === "PATCH" && r.path.endsWith(`/${asked.token}/messages/@original`));
    expect(edit.body.embeds[0].title).toMatch(/Wiz/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it("defers privately when the answer is private", async () => {
    const asked = standin.slashCommand("latest", [{ name: "private", type: 5, value: true }]);
    const deferred = await standin.waitForRequest((r) => r.path === `/interactions/${asked.id}/${asked.token}/callback`);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: 64 } });
  });

  it("turns a public deferral into a private notice when nothing matches", async () => {
    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "zebra quidditch xylophone" }]);
    const followUp = await standin.waitForRequest((r) => r.method === "POST" && r.path.startsWith(`/webhooks/`) && r.path.includes(asked.token));
    expect(followUp.body.flags & 64).toBe(64);
    expect(followUp.body.content).toMatch(/No article matches/);
    await standin.waitForRequest((r) => r.method === "DELETE" && r.path.endsWith(`/${asked.token}/messages/@original`));
  });
});
