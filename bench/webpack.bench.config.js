// The bench build (`npm run bench`): the project's own webpack.config.js with the preview, plus
// pages built by the same rules (loaders, mode, minifier, output naming, CSS extraction):
//   signing.html    the shipped RSA-SHA1 signer (src/oauth/rsa-sha1.ts), for signing throughput
//   conversion.html the email converter's lazy chunk and plain turndown, for the 1 MB email
//   bare.html       React + FluentProvider rendering "Hello": the baseline of "pane interactive"
// The bare page is a compilation of its own with the same config: Griffel's extraction writes the
// styles of every page of a compilation into one CSS file, and the baseline must load only its
// own (FluentProvider's and Text's), as a React + Fluent page built alone would.
// Usage: webpack --config bench/webpack.bench.config.js --mode production --env outputPath=<dir>
const HtmlWebpackPlugin = require("html-webpack-plugin");
const projectConfig = require("../webpack.config.js");

const PANE_BENCH_PAGES = {
  signing: "./bench/pages/signing.ts",
  conversion: "./bench/pages/conversion.ts",
};
const BARE_PAGE = { bare: "./bench/pages/bare.tsx" };

/** The HTML page of a bench entry: the pane's own template without office.js. */
function benchPage(name, production) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template: "./src/taskpane/taskpane.html",
    chunks: [name],
    templateParameters: { officeScriptUrl: "" },
    favicon: "assets/icon-16.png",
    minify: production ? { collapseWhitespace: true, removeComments: true } : false,
  });
}

module.exports = (env = {}, argv = {}) => {
  const pane = projectConfig({ ...env, preview: true }, argv);
  pane.name = "pane";
  const production = pane.mode === "production";
  for (const [name, entry] of Object.entries(PANE_BENCH_PAGES)) {
    pane.entry[name] = entry;
    pane.plugins.push(benchPage(name, production));
  }

  const bare = projectConfig({ ...env, preview: false }, argv);
  bare.name = "bare";
  // Into the same folder, after the pane's build (which cleans it first).
  bare.dependencies = ["pane"];
  bare.output = { ...bare.output, clean: false };
  bare.entry = { ...BARE_PAGE };
  // The project's own pages, manifest and office.js belong to the pane's build.
  const projectOnly = new Set(["HtmlWebpackPlugin", "CopyPlugin", "CopyOfficeJsPlugin"]);
  bare.plugins = bare.plugins.filter((plugin) => !projectOnly.has(plugin.constructor.name));
  bare.plugins.push(benchPage("bare", production));
  return [pane, bare];
};
