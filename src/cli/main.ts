#!/usr/bin/env node
import { config } from "dotenv";
import { OPERATIONS } from "./operationNames.js";
import { runCli } from "./run.js";

config({ quiet: true });
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
};
const argv = process.argv.slice(2);
const stop = new Promise((resolve) => {
  process.once("SIGINT", resolve);
  process.once("SIGTERM", resolve);
});
// An operation loads its drivers only when asked for: a question starts without them.
const operation = (OPERATIONS as readonly string[]).includes(argv[0] ?? "");
process.exitCode = operation ? await (await import("./operations.js")).runOperation(argv, io, stop) : await runCli(argv, io);
