import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../src/discord/commands/index.js";
import { deployCommands } from "../../src/discord/deploy.js";
import { startStandin, type Standin } from "./standin.js";

const TOKEN = "MTA4OTk5OTk5OTk5OTk5OTk5OQ.GfakeT.process-test-token-not-real-00000000000";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
let standin: Standin;
let elsewhere: string;
let startArgs: string[];

beforeAll(async () => {
  standin = await startStandin();
  elsewhere = mkdtempSync(path.join(tmpdir(), "newsdesk-process-"));
  startArgs = builtStart();
});
afterAll(async () => {
  await standin?.close();
  rmSync(elsewhere, { recursive: true, force: true });
});

/** `npm start` as package.json states it ("node --expose-gc dist/main.js"), after `npm run build`. */
function builtStart(): string[] {
  // The build itself is part of the test: a file tsc cannot compile fails here.
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.json")], { stdio: "pipe" });
  const start = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts.start as string;
  const [command, ...args] = start.split(/\s+/);
  expect(command).toBe("node");
  return args.map((arg) => (arg.endsWith(".js") ? path.join(ROOT, arg) : arg));
}

describe("npm start with DISCORD_TOKEN", () => {
  it("runs the built dist/main.js from another folder: the bundled corpus, connects, answers, shuts down on SIGTERM, never prints the token", async () => {
    // From a folder with no corpus/ and no .env: what `npm start` of an installed package does.
    const child = spawn(process.execPath, startArgs, {
      cwd: elsewhere,
      env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_API_URL: standin.apiUrl, LOG_LEVEL: "info", DATA_DIR: path.join(elsewhere, "data"), CORPUS_DIR: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await waitFor(() => output.includes("connected to Discord"), 20_000);

    const asked = standin.slashCommand("ask", [{ name: "question", type: 3, value: "Wiz acquisition" }]);
    const reply = await standin.waitForRequest((r) => r.path.startsWith(`/interactions/${asked.id}/`));
    expect(reply.body.data.embeds[0].title).toMatch(/Wiz/);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toMatch(/"msg":"shutting down"/);
    expect(output).toMatch(/"msg":"interaction"/);
    expect(output).toMatch(/"articles":49,/); // the bundled corpus, found from dist/
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(TOKEN.split(".")[2]);
  }, 60_000);

  it("refuses a malformed setting with a message naming the variable", async () => {
    const child = spawn(process.execPath, startArgs, {
      env: { ...process.env, DISCORD_TOKEN: TOKEN, LOG_LEVEL: "loud" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"/);
  }, 30_000);
});

describe("deploying commands", () => {
  it("registers the same command list the bot uses, globally or in one guild", async () => {
    const global = await deployCommands({ token: TOKEN, clientId: standin.botUserId, apiUrl: standin.apiUrl });
    expect(global).toEqual({ scope: "global", count: COMMANDS.length });
    const put = await standin.waitForRequest((r) => r.method === "PUT" && r.path === `/applications/${standin.botUserId}/commands`);
    expect(put.body).toEqual(COMMANDS.map((command) => command.definition));
    expect(put.body.map((c: { name: string }) => c.name)).toEqual(["ask", "deal", "summary", "latest", "subscribe", "unsubscribe", "subscriptions", "subscription", "feed"]);

    const guild = await deployCommands({ token: TOKEN, clientId: standin.botUserId, guildId: standin.guildId, apiUrl: standin.apiUrl });
    expect(guild.scope).toBe(`guild ${standin.guildId}`);
    await standin.waitForRequest((r) => r.method === "PUT" && r.path === `/applications/${standin.botUserId}/guilds/${standin.guildId}/commands`);
  });

  it("gives every command an option to answer privately, or answers privately always", () => {
    for (const command of COMMANDS) {
      const hasOption = command.definition.options?.some((o) => o.name === "private" && o.type === 5) ?? false;
      expect(hasOption || command.alwaysPrivate === true, command.definition.name).toBe(true);
    }
  });

  it("lets only members with Manage Server see /feed, in servers only", () => {
    expect(COMMANDS.find((c) => c.definition.name === "feed")!.definition).toMatchObject({ default_member_permissions: "32", contexts: [0] });
  });

  it("lets only members with Manage Channels see the subscription commands, in servers only", () => {
    for (const name of ["subscribe", "unsubscribe", "subscriptions", "subscription"]) {
      const command = COMMANDS.find((c) => c.definition.name === name)!;
      expect(command.definition).toMatchObject({ default_member_permissions: "16", contexts: [0] });
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
