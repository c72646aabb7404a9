/**
 * Entry of the admin CLI: `npm run admin -- <command>` (tsx src/admin/main.ts). See admin-cli.ts
 * and docs/deployment.md.
 */
import { runAdminCli } from "./admin-cli";

void runAdminCli(process.argv, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
  // login read standard input: let go of it, so the process can end.
  process.stdin.destroy();
});
