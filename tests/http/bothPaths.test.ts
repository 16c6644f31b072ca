import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startNewsdesk, type Newsdesk } from "../../src/app.js";
import { createLogger } from "../../src/logger.js";
import { startStandin, type Standin } from "../e2e/standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.both-test-token-not-real-0000000000000000";
const USER = "111111111111111111";

let standin: Standin;
let newsdesk: Newsdesk;
let dataDir: string;

beforeAll(async () => {
  standin = await startStandin();
  dataDir = mkdtempSync(path.join(os.tmpdir(), "newsdesk-both-"));
  newsdesk = await startNewsdesk({
    corpusDir: "corpus", dataDir, token: TOKEN, apiUrl: standin.apiUrl, logger: createLogger("silent"),
    rest: { globalRequestsPerSecond: 1e6 }, http: { port: 0, host: "127.0.0.1", publicKey: standin.publicKey },
  });
  standin.useInteractionsEndpoint(`http://127.0.0.1:${newsdesk.http!.port}/interactions`);
}, 60_000);

afterAll(async () => {
  await newsdesk?.stop();
  await standin?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the gateway and the Interactions Endpoint at once", () => {
  it("answers a mention over the gateway, and turns its pages over HTTP", async () => {
    expect(standin.identifyCount).toBe(1);
    const sent = standin.message(`<@${standin.botUserId}> OpenAI deals`, { mentionsBot: true, userId: USER });
    const reply = await standin.waitForRequest((r) => r.method === "POST" && r.body?.message_reference?.message_id === sent.id);
    const pager = reply.body.components.at(-1).components;
    expect(pager[1].label).toMatch(/^Page 1 of/);

    const turned = standin.button(pager[2].custom_id, { userId: USER });
    const page2 = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${turned.id}/`));
    expect(page2.viaEndpoint).toBe(true);
    expect(page2.body.type).toBe(7);
    expect(page2.body.data.components.at(-1).components[1].label).toMatch(/^Page 2 of/);
  });

  it("answers slash commands over HTTP", async () => {
    const asked = standin.slashCommand("latest", [{ name: "count", type: 4, value: 2 }]);
    const callback = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${asked.id}/`));
    expect(callback).toMatchObject({ viaEndpoint: true, body: { type: 4 } });
    expect(callback.body.data.embeds[0].title).toBe("Latest articles");
  });
});
