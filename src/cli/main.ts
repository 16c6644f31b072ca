#!/usr/bin/env node
import { config } from "dotenv";
import { OPERATIONS, runOperation } from "./operations.js";
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
process.exitCode = (OPERATIONS as readonly string[]).includes(argv[0] ?? "") ? await runOperation(argv, io, stop) : await runCli(argv, io);
