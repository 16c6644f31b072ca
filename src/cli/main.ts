#!/usr/bin/env node
import { config } from "dotenv";
import { runCli } from "./run.js";

config({ quiet: true });
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
});
process.exitCode = code;
