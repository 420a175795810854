#!/usr/bin/env node
// Thin launcher: the CLI lives in the compiled library (dist/), built by `npm ci` through `prepare`.
import { main } from "../dist/cli/main.js";

// `falc score … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
