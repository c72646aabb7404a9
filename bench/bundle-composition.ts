/**
 * Which modules a built chunk is made of, and how much of its gzip size each one costs: read from
 * the chunk's source map (build with `--devtool hidden-source-map`: the same minified bytes,
 * plus a .map file). Each byte of the minified file is charged to the source its mapping segment
 * points at, source files are grouped (an npm package; a file of ours), and each group's bytes are
 * gzipped alone. Gzip shares a dictionary across the whole file, so the groups' separate sizes add
 * up to more than the file's: they are scaled down to the file's real gzip size. An estimate, good
 * enough to tell what to load lazily; webpack's own stats only know sizes before minification.
 *
 * The source map is decoded by @jridgewell/trace-mapping (the decoder terser and jest use; present
 * through them, not a dependency of its own).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { TraceMap, decodedMappings } from "@jridgewell/trace-mapping";
import { gzipSize } from "./first-paint";

/** One group of modules in a chunk. */
export interface ModuleShare {
  /** An npm package (`@fluentui/react-combobox`), a source file (`src/ui/App.tsx`), or `(webpack runtime)`. */
  name: string;
  /** Minified bytes charged to it. */
  minifiedBytes: number;
  /** Its estimated part of the chunk's gzip size (scaled so the parts add up to the whole). */
  gzipBytes: number;
}

const UNMAPPED = "(unmapped: webpack glue)";

/**
 * The composition of the built JS files `files` (relative to `outDir`) taken together, biggest
 * first; undefined when a file has no source map beside it.
 */
export function compositionOf(outDir: string, files: readonly string[]): ModuleShare[] | undefined {
  const texts = new Map<string, string>();
  let totalGzip = 0;
  for (const file of files) {
    const mapFile = path.join(outDir, `${file}.map`);
    if (!existsSync(mapFile)) return undefined;
    const code = readFileSync(path.join(outDir, file), "utf8");
    totalGzip += gzipSize(code);
    for (const [name, text] of textByModule(code, readFileSync(mapFile, "utf8"))) {
      texts.set(name, (texts.get(name) ?? "") + text);
    }
  }
  const groups = [...texts].map(([name, text]) => ({
    name,
    minifiedBytes: Buffer.byteLength(text),
    gzipAlone: gzipSize(text),
  }));
  const gzipAloneTotal = groups.reduce((total, group) => total + group.gzipAlone, 0);
  const scale = gzipAloneTotal === 0 ? 0 : totalGzip / gzipAloneTotal;
  return groups
    .map((group) => ({
      name: group.name,
      minifiedBytes: group.minifiedBytes,
      gzipBytes: Math.round(group.gzipAlone * scale),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** Sums shares whose names map to the same key (e.g. every @fluentui package into one line). */
export function rollUp(
  shares: readonly ModuleShare[],
  keyOf: (name: string) => string
): ModuleShare[] {
  const totals = new Map<string, ModuleShare>();
  for (const share of shares) {
    const key = keyOf(share.name);
    const total = totals.get(key) ?? { name: key, minifiedBytes: 0, gzipBytes: 0 };
    total.minifiedBytes += share.minifiedBytes;
    total.gzipBytes += share.gzipBytes;
    totals.set(key, total);
  }
  return [...totals.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** An area of the code: `@fluentui/*`, `react-dom`, a folder of ours (`src/ui/new-issue`). */
export function areaOf(name: string): string {
  if (name.startsWith("@fluentui/") || name.startsWith("@griffel/"))
    return "Fluent UI (@fluentui/*, @griffel/*)";
  // Ours by folder, two levels below src/ at most (src/ui/new-issue/components → src/ui/new-issue).
  if (name.startsWith("src/")) return path.posix.dirname(name).split("/").slice(0, 3).join("/");
  return name;
}

/** `shares` as aligned text lines, the first `limit` of them, with each one's part of the whole. */
export function formatShares(shares: readonly ModuleShare[], limit: number): string {
  const total = shares.reduce((sum, share) => sum + share.gzipBytes, 0);
  const shown = shares.slice(0, limit);
  const width = Math.max(...shown.map((share) => share.name.length), 10);
  const lines = shown.map(
    (share) =>
      `  ${share.name.padEnd(width)}  ${kb(share.gzipBytes).padStart(9)} gzip  ${kb(share.minifiedBytes).padStart(9)} min  ${percent(share.gzipBytes, total).padStart(5)}`
  );
  const rest = shares.slice(limit);
  if (rest.length > 0) {
    const restGzip = rest.reduce((sum, share) => sum + share.gzipBytes, 0);
    lines.push(`  ${`… ${rest.length} more`.padEnd(width)}  ${kb(restGzip).padStart(9)} gzip`);
  }
  return lines.join("\n");
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "" : `${Math.round((part / whole) * 100)}%`;
}

/** The minified text of `code`, cut at its source map's segments and grouped by module. */
function textByModule(code: string, sourceMap: string): Map<string, string> {
  const map = new TraceMap(sourceMap);
  const names = map.sources.map((source) => moduleName(source ?? ""));
  const lines = code.split("\n");
  const byModule = new Map<string, string[]>();
  const add = (name: string, text: string) => {
    if (text.length === 0) return;
    const parts = byModule.get(name) ?? [];
    parts.push(text);
    byModule.set(name, parts);
  };
  decodedMappings(map).forEach((segments, lineIndex) => {
    const line = lines[lineIndex] ?? "";
    if (segments.length === 0) {
      add(UNMAPPED, line);
      return;
    }
    add(UNMAPPED, line.slice(0, segments[0]?.[0] ?? 0));
    segments.forEach((segment, index) => {
      const end = segments[index + 1]?.[0] ?? line.length;
      const name = segment.length === 1 ? UNMAPPED : (names[segment[1]] ?? UNMAPPED);
      add(name, line.slice(segment[0], end));
    });
  });
  return new Map([...byModule].map(([name, parts]) => [name, parts.join("")]));
}

/**
 * A source of webpack's map (`webpack://jira-for-outlook/./node_modules/@fluentui/react-tabs/lib/…`)
 * as a module name: the npm package for node_modules, the repository path for ours.
 */
export function moduleName(source: string): string {
  const withoutScheme = source.replace(/^webpack:\/\/[^/]*\//, "");
  if (withoutScheme.startsWith("webpack/")) return "(webpack runtime)";
  const packagePath = withoutScheme.split("node_modules/").slice(1).at(-1);
  if (packagePath !== undefined) return /^(@[^/]+\/)?[^/]+/.exec(packagePath)?.[0] ?? packagePath;
  return withoutScheme.replace(/^\.\//, "").replace(/ \+ \d+ modules$/, "");
}
