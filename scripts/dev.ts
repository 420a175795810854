// Runs the CLI from the TypeScript sources without building: `node --import tsx scripts/dev.ts <args>`.
import { main } from "../src/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
