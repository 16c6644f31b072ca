import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A real Newsdesk process (`npm start`'s entry), with everything it writes kept for the test to read. */
export interface BotProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves once the output matches (or rejects after `timeoutMs`, with the output in the message). */
  waitForOutput(pattern: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * Starts `src/main.ts` through tsx, or the built `dist/main.js` that `npm start` runs (`built: true`), with
 * the test's environment on top of this one's.
 */
export function startBotProcess(env: Record<string, string>, options: { built?: boolean } = {}): BotProcess {
  const args = options.built ? [path.join(root, "dist", "main.js")] : ["--import", "tsx", path.join(root, "src", "main.ts")];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, LOG_LEVEL: "info", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  // "close", not "exit": by then everything the process wrote has been read.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  return {
    child,
    pid: child.pid!,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      const found = () => (typeof pattern === "string" ? output.includes(pattern) : pattern.test(output));
      while (!found()) {
        if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before writing ${pattern}:\n${output.slice(-3000)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
  };
}
