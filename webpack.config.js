// Builds the add-in into dist/.
//   npm run build            production: task pane + OAuth callback page, minified, content-hashed,
//                            office.js copied from @microsoft/office-js, dist/manifest.xml for ADDIN_URL
//   --env preview            adds the dev-only preview (Outlook host stand-in); never in a production build
//   --env outputPath=<dir>   builds into <dir> instead of dist/ (the size-budget test and `npm run bench`
//                            build there, leaving the developer's dist/ alone)
// Environment: ADDIN_URL (default https://localhost:3000), JIRA_URL (its origin goes into AppDomains).
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const MiniCssExtractPlugin = require("mini-css-extract-plugin");
const { GriffelCSSExtractionPlugin } = require("@griffel/webpack-extraction-plugin");
const { require: requireTypeScript } = require("tsx/cjs/api");

const { renderManifest, manifestVersionOf } = requireTypeScript(
  "./src/admin/manifest.ts",
  __filename
);
const packageJson = require("./package.json");

const defaultOutputDir = path.resolve(__dirname, "dist");
const officeJsSource = path.dirname(require.resolve("@microsoft/office-js/package.json"));

/**
 * Copies Microsoft's office.js (and the host-specific scripts and strings it loads next to itself)
 * into dist/office-js/, so nothing is fetched from Microsoft's CDN: tests run offline, and a
 * deployment serves the version it was tested with. Debug builds and IntelliSense files are skipped.
 */
class CopyOfficeJsPlugin {
  constructor(outputDir) {
    this.outputDir = outputDir;
  }

  apply(compiler) {
    compiler.hooks.afterEmit.tapPromise("CopyOfficeJsPlugin", async () => {
      const version = require("@microsoft/office-js/package.json").version;
      const target = path.join(this.outputDir, "office-js");
      const marker = path.join(target, ".version");
      if (fs.existsSync(marker) && fs.readFileSync(marker, "utf8") === version) return;
      await fs.promises.rm(target, { recursive: true, force: true });
      await fs.promises.cp(path.join(officeJsSource, "dist"), target, {
        recursive: true,
        filter: (source) => !/(\.debug\.js|office-vsdoc\.js|\.d\.ts)$/.test(source),
      });
      await fs.promises.writeFile(marker, version);
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const withPreview = Boolean(env.preview);
  const outputDir = env.outputPath ? path.resolve(env.outputPath) : defaultOutputDir;
  const addinUrl = process.env.ADDIN_URL || "https://localhost:3000";
  const jiraUrl = process.env.JIRA_URL || undefined;
  const hashed = (ext) => (production ? `[name].[contenthash:8].${ext}` : `[name].${ext}`);

  const page = (filename, template, chunks, templateParameters = {}) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      chunksSortMode: "manual",
      templateParameters: { officeScriptUrl: "", ...templateParameters },
      favicon: "assets/icon-16.png",
      minify: production ? { collapseWhitespace: true, removeComments: true } : false,
    });

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    callback: "./src/callback/index.ts",
  };
  const pages = [
    page("taskpane.html", "./src/taskpane/taskpane.html", ["taskpane"], {
      officeScriptUrl: "office-js/office.js",
    }),
    page("callback.html", "./src/callback/callback.html", ["callback"], {
      officeScriptUrl: "office-js/office.js",
    }),
  ];
  if (withPreview) {
    entry.preview = "./src/preview/index.tsx";
    entry["office-standin"] = "./src/preview/office-standin/index.ts";
    pages.push(
      page("preview.html", "./src/preview/preview.html", ["preview"]),
      // The same task pane and callback bundles, with the Outlook stand-in in place of office.js.
      page("preview/taskpane.html", "./src/taskpane/taskpane.html", ["office-standin", "taskpane"]),
      page("preview/callback.html", "./src/callback/callback.html", ["office-standin", "callback"])
    );
  }

  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry,
    output: {
      path: outputDir,
      filename: hashed("js"),
      chunkFilename: hashed("js"),
      // "auto": scripts resolve relative to the page, so dist/ can be served under a sub-path.
      publicPath: "auto",
      // addin-config.json is the deployment's (written by `npm run admin -- config`), not the build's:
      // a rebuild must not delete it.
      clean: { keep: /^(office-js[\\/]|addin-config\.json$)/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        // Fluent's styles as one CSS file instead of rules inserted one by one at start-up
        // (docs/performance.md, row 2). Loaders of matching rules run last to first: TypeScript
        // is transpiled, then our makeStyles calls are evaluated at build time (webpack-loader),
        // then every Griffel style, ours and Fluent's, moves from the JS into the CSS file.
        {
          test: /\.(js|mjs|ts|tsx)$/,
          include: [path.resolve(__dirname, "src"), /[\\/]node_modules[\\/]@fluentui[\\/]/],
          use: { loader: GriffelCSSExtractionPlugin.loader },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "@griffel/webpack-loader",
            // To evaluate makeStyles at build time it reads the modules they import, as TypeScript.
            options: { babelOptions: { presets: ["@babel/preset-typescript"] } },
          },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, "css-loader"] },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`; the build only transpiles.
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
        // Small images (the logo) are inlined as data: URLs; larger ones become hashed files.
        { test: /\.png$/, type: "asset" },
        // Sample emails of the preview are bundled as text.
        { test: /\.eml$/, type: "asset/source" },
      ],
    },
    plugins: [
      ...pages,
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              renderManifest(content.toString("utf8"), {
                addinUrl,
                jiraUrl,
                version: manifestVersionOf(packageJson.version),
              }),
          },
        ],
      }),
      new CopyOfficeJsPlugin(outputDir),
      // ignoreOrder: Griffel sorts its rules itself; the order warnings between its modules are noise.
      new MiniCssExtractPlugin({
        filename: hashed("css"),
        chunkFilename: hashed("css"),
        ignoreOrder: true,
      }),
      // Every Griffel style of the build, ours and Fluent's, in one griffel.<hash>.css that each page
      // links (Griffel extracts into a single file: import() chunks add no CSS of their own).
      new GriffelCSSExtractionPlugin(),
    ],
    performance: { hints: false },
    stats: "errors-warnings",
  };
};
