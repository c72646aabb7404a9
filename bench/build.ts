/**
 * Production builds for the size-budget test and `npm run bench`, made as `npm run build` makes
 * them (webpack-cli with the project's webpack.config.js, in a child process) but into a folder of
 * their own (`--env outputPath=`), so the developer's dist/ is never touched. Source maps are
 * written beside the bundles (`--devtool hidden-source-map`: the minified bytes stay exactly those
 * of `npm run build`; no sourceMappingURL comment is added) for bundle-composition.ts.
 */
import { spawn } from "node:child_process";
import path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "..");

/** Options of {@link buildAddin}. */
export interface BuildOptions {
  /** Where the build goes (created; webpack cleans it first). */
  outputPath: string;
  /** A webpack config file relative to the repository; default the project's webpack.config.js. */
  config?: string;
  /** `--env preview`: add the preview (Outlook stand-in) pages. */
  preview?: boolean;
}

/**
 * Builds the add-in in production mode into `options.outputPath`.
 *
 * @throws {Error} with webpack's output when the build fails.
 */
export function buildAddin(options: BuildOptions): Promise<void> {
  const args = [
    require.resolve("webpack-cli/bin/cli.js"),
    "--mode",
    "production",
    "--devtool",
    "hidden-source-map",
    "--env",
    `outputPath=${options.outputPath}`,
    ...(options.preview ? ["--env", "preview"] : []),
    ...(options.config ? ["--config", options.config] : []),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `The production build into ${options.outputPath} failed (${signal ?? `exit ${code}`}):\n${output}`
          )
        );
    });
  });
}
