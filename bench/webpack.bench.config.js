// The bench build (`npm run bench`): the project's own webpack.config.js with the preview, plus
// three pages built by the same rules (loaders, mode, minifier, output naming):
//   bare.html       React + FluentProvider rendering "Hello": the baseline of "pane interactive"
//   signing.html    the shipped RSA-SHA1 signer (src/oauth/rsa-sha1.ts), for signing throughput
//   conversion.html the email converter's lazy chunk and plain turndown, for the 1 MB email
// Usage: webpack --config bench/webpack.bench.config.js --mode production --env outputPath=<dir>
const HtmlWebpackPlugin = require("html-webpack-plugin");
const projectConfig = require("../webpack.config.js");

const BENCH_PAGES = {
  bare: "./bench/pages/bare.tsx",
  signing: "./bench/pages/signing.ts",
  conversion: "./bench/pages/conversion.ts",
};

module.exports = (env = {}, argv = {}) => {
  const config = projectConfig({ ...env, preview: true }, argv);
  const production = config.mode === "production";
  for (const [name, entry] of Object.entries(BENCH_PAGES)) {
    config.entry[name] = entry;
    // The pane's own page template without office.js: the same HTML shell as taskpane.html.
    config.plugins.push(
      new HtmlWebpackPlugin({
        filename: `${name}.html`,
        template: "./src/taskpane/taskpane.html",
        chunks: [name],
        templateParameters: { officeScriptUrl: "" },
        favicon: "assets/icon-16.png",
        minify: production ? { collapseWhitespace: true, removeComments: true } : false,
      })
    );
  }
  return config;
};
