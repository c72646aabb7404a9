/**
 * `npx tsx bench/profile-pane.ts`: where the pane's start goes, for row 2 of `npm run bench`
 * (docs/performance.md). Not part of the bench's table: a tool to find what to make lighter.
 *
 * Builds the bench pages without minifying, with source maps (names stay readable; React's and
 * Fluent's production code paths are the ones the bench measures), starts the add-in server with
 * its simulator, signs in as the bench does, and reloads the pane as row 2 does, with the HTTP
 * cache disabled and the CPU throttled. For each profiled reload it records a Chromium trace
 * (main-thread tasks: script, style, layout, paint, GC) and a sampled CPU profile, and prints:
 *   - the probe's marks (account bar, form in the DOM, interactive, Create issue enabled);
 *   - React's commits: when, and which components rendered (REACT_COMMITS_SCRIPT);
 *   - the main thread's time until "interactive" (or --until formReady): self time by trace
 *     event, with the thread's CPU time beside the wall time (less stretched on a busy machine),
 *     and by the code that ran (sampled self time by package or source file, through the source
 *     maps, and by function), medians over the runs;
 *   - the last run's timeline in 10 ms slices, and its main-thread tasks of 3 ms or more.
 * The trace and profile of the last run are written to --out for DevTools (Performance panel).
 *
 * Usage: npx tsx bench/profile-pane.ts [--cpu 4] [--runs 5] [--until interactive|formReady]
 *        [--dist <a bench build made as buildUnminified makes it>] [--out <dir>]
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { Command } from "commander";
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser } from "../test/e2e/browser";
import { startAddinServer } from "./addin-server";
import { newBenchContext, readPaneProbe, reloadPaneFrame, waitForMark } from "./preview-driver";
import type { ProbeMarks } from "./preview-driver";
import { prepareSignedInUser } from "./signed-in-user";
import { moduleName } from "./bundle-composition";
import { median } from "./table";

const REPO_ROOT = path.resolve(__dirname, "..");

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: unlike `dur`, not stretched while other processes hold the CPU. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { documentLoaderURL?: string; url?: string } };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/**
 * An init script standing in for React DevTools' global hook: React (production builds too) calls
 * `onCommitFiberRoot` after every commit. It notes when, and which components rendered: a fiber
 * not in the previous commit's tree (a bailed-out subtree keeps its fiber objects) with React's
 * PerformedWork flag set (1), as React DevTools decides it.
 */
const REACT_COMMITS_SCRIPT = `(() => {
  if (!location.pathname.endsWith("/preview/taskpane.html")) return;
  const commits = [];
  let previous = new WeakSet();
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const nameOf = (fiber) => {
    const type = fiber.type;
    if (typeof type === "function") return type.displayName || type.name || "(anonymous)";
    if (type && typeof type === "object") {
      const inner = type.render || type.type;
      return type.displayName || (inner && (inner.displayName || inner.name)) || "(anonymous)";
    }
    return "(anonymous)";
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => {},
    onScheduleFiberRoot: () => {},
    onCommitFiberUnmount: () => {},
    onPostCommitFiberRoot: () => {},
    onCommitFiberRoot(_id, root) {
      const at = performance.now();
      const seen = new WeakSet();
      const rendered = {};
      let count = 0;
      const stack = [root.current];
      while (stack.length > 0) {
        const fiber = stack.pop();
        seen.add(fiber);
        if (!previous.has(fiber) && COMPONENT_TAGS.has(fiber.tag) && (fiber.flags & 1) === 1) {
          const name = nameOf(fiber);
          rendered[name] = (rendered[name] || 0) + 1;
          count++;
        }
        if (fiber.child) stack.push(fiber.child);
        if (fiber.sibling) stack.push(fiber.sibling);
      }
      previous = seen;
      commits.push({ at, count, rendered });
    },
  };
  window.__benchCommits = commits;
})();`;

/** Our components (by name), shown first in a commit's list. */
const OUR_COMPONENTS =
  /^(App|EmailWork|NewIssueForm|NewIssueEditor|ProjectPicker|IssueTypePicker|SearchablePicker|SummaryField|CreateMetaFields|DescriptionSection|AttachmentsSection|CreateIssueActions|AccountBar|CurrentEmailCard|LinkedIssues|LinkedIssuesSection|DeliveryForm|FieldEditor)$/;

interface ReactCommit {
  at: number;
  count: number;
  rendered: Record<string, number>;
}

const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8.execute",
  "loading",
  "toplevel",
].join(",");

function readOptions() {
  const options = new Command()
    .option("--cpu <rate>", "CPU slowdown (DevTools protocol)", "4")
    .option("--runs <n>", "profiled reloads", "5")
    .option("--dist <dir>", "an existing unminified bench build to use")
    .option("--out <dir>", "where the last run's trace and profile go", "/tmp/pane-profile")
    .option("--until <mark>", "analyse until this mark: interactive or formReady", "interactive")
    .parse(process.argv)
    .opts<{ cpu: string; runs: string; dist?: string; out: string; until: string }>();
  if (options.until !== "interactive" && options.until !== "formReady") {
    throw new Error("--until takes interactive or formReady.");
  }
  return {
    until: options.until as "interactive" | "formReady",
    cpu: Number(options.cpu),
    runs: Number(options.runs),
    dist: options.dist,
    out: options.out,
  };
}

/** The bench build, not minified (`--no-optimization-minimize`): readable function names. */
function buildUnminified(outputPath: string): Promise<void> {
  const args = [
    require.resolve("webpack-cli/bin/cli.js"),
    "--config",
    "bench/webpack.bench.config.js",
    "--mode",
    "production",
    "--no-optimization-minimize",
    "--devtool",
    "hidden-source-map",
    "--env",
    `outputPath=${outputPath}`,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: "inherit" });
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`webpack exited ${code}`))
    );
  });
}

async function main(): Promise<void> {
  const options = readOptions();
  let workDir: string | undefined;
  let dist = options.dist;
  if (!dist) {
    workDir = mkdtempSync(path.join(tmpdir(), "pane-profile-build-"));
    dist = workDir;
    process.stderr.write("profile: building (not minified)…\n");
    await buildUnminified(dist);
  }
  mkdirSync(options.out, { recursive: true });
  distDir = dist;
  const server = await startAddinServer(dist);
  const browser = await launchBrowser();
  try {
    process.stderr.write("profile: signing in…\n");
    const roamingSettings = await prepareSignedInUser(browser, server.baseUrl);
    const context = await newBenchContext(browser, {
      baseUrl: server.baseUrl,
      roamingSettings,
    });
    await context.addInitScript({ content: REACT_COMMITS_SCRIPT });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/preview.html`);
    let probe = await waitForMark(() => readPaneProbe(page), "interactive", undefined);
    const session = await context.newCDPSession(page);
    await session.send("Network.enable");
    await session.send("Network.setCacheDisabled", { cacheDisabled: true });
    await session.send("Emulation.setCPUThrottlingRate", { rate: options.cpu });
    // Two reloads unprofiled: JIT caches and connections as in the bench's timed runs.
    for (let warm = 0; warm < 2; warm++) {
      await reloadPaneFrame(page);
      probe = await waitForMark(() => readPaneProbe(page), "interactive", probe.timeOrigin);
    }
    const byEvent = new Map<string, number[]>();
    const byArea = new Map<string, number[]>();
    const byFunction = new Map<string, number[]>();
    let timeline: string[] = [];
    let taskLines: string[] = [];
    for (let run = 0; run < options.runs; run++) {
      const recorded = await profiledReload(page, session, probe.timeOrigin, options.until);
      probe = recorded.probe;
      const { marks } = probe;
      console.log(
        `run ${run + 1}: account bar ${fmt(marks.accountBar)}, form shown ${fmt(marks.formShown)}, interactive ${fmt(marks.interactive)}, Create issue enabled ${fmt(marks.formReady)} ms`
      );
      printCommits(recorded.commits, marks);
      const analysis = analyse(recorded.trace, recorded.profile, marks[options.until] ?? 0);
      addAll(byEvent, analysis.events);
      addAll(byArea, analysis.areas);
      addAll(byFunction, analysis.functions);
      timeline = analysis.timeline;
      taskLines = analysis.taskLines;
      if (run === options.runs - 1) {
        writeFileSync(path.join(options.out, "trace.json"), JSON.stringify(recorded.trace));
        writeFileSync(path.join(options.out, "pane.cpuprofile"), JSON.stringify(recorded.profile));
      }
    }
    printMedians(`main thread until ${options.until}, self time by trace event`, byEvent, 25);
    printMedians(`self time until ${options.until}, by code`, byArea, 25);
    printMedians(`self time until ${options.until}, by function`, byFunction, 40);
    console.log("\ntimeline of the last run (document clock, 10 ms CPU-time slices of samples):");
    for (const line of timeline) console.log(line);
    console.log(
      "\nmain-thread tasks of 3 ms or more in the last run (start, length: self time by event):"
    );
    for (const line of taskLines) console.log(line);
    console.log(`\nTrace and profile of the last run: ${options.out}`);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  }
}

/** React's commits of the run: when, how many components rendered, the biggest counts. */
function printCommits(commits: readonly ReactCommit[], marks: ProbeMarks): void {
  for (const commit of commits) {
    const after =
      marks.interactive !== undefined && commit.at > marks.interactive
        ? " (after interactive)"
        : "";
    const names = Object.entries(commit.rendered).sort(
      (a, b) => Number(OUR_COMPONENTS.test(b[0])) - Number(OUR_COMPONENTS.test(a[0])) || b[1] - a[1]
    );
    const ours = names.filter(([name]) => OUR_COMPONENTS.test(name)).map(([name]) => name);
    const theirs = names
      .filter(([name]) => !OUR_COMPONENTS.test(name))
      .slice(0, 6)
      .map(([name, count]) => `${name}×${count}`);
    console.log(
      `  commit at ${commit.at.toFixed(0).padStart(5)} ms${after}: ${commit.count} components; ours: ${ours.join(" ") || "-"}; most: ${theirs.join(" ")}`
    );
  }
}

function fmt(value: number | undefined): string {
  return value === undefined ? "-" : value.toFixed(0);
}

function addAll(into: Map<string, number[]>, from: Map<string, number>): void {
  for (const [key, value] of from) into.set(key, [...(into.get(key) ?? []), value]);
}

function printMedians(title: string, values: Map<string, number[]>, limit: number): void {
  console.log(`\n${title} (ms, median of runs; missing runs count 0):`);
  const runs = Math.max(...[...values.values()].map((list) => list.length));
  const rows = [...values.entries()]
    .map(([key, list]) => {
      const padded = [...list, ...Array<number>(runs - list.length).fill(0)];
      return [key, median(padded)] as const;
    })
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit);
  for (const [key, value] of rows) console.log(`  ${value.toFixed(1).padStart(8)}  ${key}`);
}

async function profiledReload(
  page: Page,
  session: CDPSession,
  previousTimeOrigin: number,
  until: "interactive" | "formReady"
) {
  const events: TraceEvent[] = [];
  const handleData = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  session.on("Tracing.dataCollected", handleData);
  const complete = new Promise<void>((resolve) =>
    session.once("Tracing.tracingComplete", () => resolve())
  );
  await session.send("Profiler.enable");
  await session.send("Profiler.setSamplingInterval", { interval: 100 });
  await session.send("Tracing.start", {
    traceConfig: { includedCategories: TRACE_CATEGORIES.split(",") },
    transferMode: "ReportEvents",
  });
  await session.send("Profiler.start");
  await reloadPaneFrame(page);
  await waitForMark(() => readPaneProbe(page), until, previousTimeOrigin);
  // A moment more, for the commits right after "interactive" (the rest of the form).
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const frame = page
    .frames()
    .find((candidate) => /\/preview\/taskpane\.html/.test(candidate.url()));
  const commits = ((await frame?.evaluate("window.__benchCommits")) ?? []) as ReactCommit[];
  const probe = await waitForMark(() => readPaneProbe(page), "interactive", previousTimeOrigin);
  const { profile } = (await session.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  await session.send("Tracing.end");
  await complete;
  session.off("Tracing.dataCollected", handleData);
  return { probe, trace: events, profile, commits };
}

/** Source maps of the build's JS files, by file name (read once). */
const sourceMaps = new Map<string, TraceMap | undefined>();
let distDir = "";

/**
 * Where a profile node's code comes from: the module (npm package or our source file, through the
 * build's source map) and the original function's name and line when the map knows them.
 */
function locate(node: ProfileNode): { area: string; name: string } {
  const { url, functionName, lineNumber, columnNumber } = node.callFrame;
  const shownName = functionName || "(anonymous)";
  if (!url || lineNumber < 0)
    return { area: functionName.startsWith("(") ? functionName : "(native)", name: shownName };
  const file = url.replace(/[?#].*$/, "").replace(/^.*\//, "");
  if (!sourceMaps.has(file)) {
    const candidates = [path.join(distDir, file), path.join(distDir, "preview", file)];
    const found = candidates.find((candidate) => existsSync(`${candidate}.map`));
    sourceMaps.set(file, found ? new TraceMap(readFileSync(`${found}.map`, "utf8")) : undefined);
  }
  const map = sourceMaps.get(file);
  if (!map) return { area: file, name: `${shownName} ${file}:${lineNumber + 1}` };
  const original = originalPositionFor(map, { line: lineNumber + 1, column: columnNumber });
  const module = original.source ? moduleName(original.source) : `${file} (unmapped)`;
  const where = original.source
    ? `${original.source.replace(/^.*node_modules\//, "").replace(/^webpack:\/\/[^/]*\/\.\//, "")}:${original.line}`
    : `${file}:${lineNumber + 1}`;
  return { area: module, name: `${shownName} ${where}` };
}

/** The trace and profile from the pane's navigation until `untilMs` of its clock. */
function analyse(trace: TraceEvent[], profile: CpuProfile, untilMs: number) {
  const navigation = trace
    .filter(
      (event) =>
        event.name === "navigationStart" &&
        /\/preview\/taskpane\.html/.test(event.args?.data?.documentLoaderURL ?? "")
    )
    .at(-1);
  if (!navigation) throw new Error("No navigationStart of the pane in the trace.");
  const origin = navigation.ts;
  const end = origin + untilMs * 1000;
  const mainThread = trace.find(
    (event) =>
      event.name === "thread_name" &&
      event.args?.name === "CrRendererMain" &&
      event.pid === navigation.pid
  );
  const tid = mainThread?.tid ?? navigation.tid;
  const events = new Map<string, number>();
  // Self time of each trace event (its duration less its children's), clipped to [origin, end];
  // "(busy)" is the time inside any top-level event, i.e. the main thread was not idle; "(busy,
  // CPU time)" the thread time of those events, which a busy machine stretches less.
  const onThread = trace
    .filter((event) => event.pid === navigation.pid && event.tid === tid && event.ph === "X")
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const clip = (from: number, to: number) =>
    Math.max(0, Math.min(to, end) - Math.max(from, origin));
  const stack: Array<{ event: TraceEvent; end: number; childTime: number }> = [];
  const tasks: Array<{ start: number; ms: number; parts: Map<string, number> }> = [];
  let parts = new Map<string, number>();
  const close = (until: number) => {
    while (stack.length > 0 && (stack.at(-1) as { end: number }).end <= until) {
      const done = stack.pop() as { event: TraceEvent; end: number; childTime: number };
      const self = clip(done.event.ts, done.end) - done.childTime;
      events.set(done.event.name, (events.get(done.event.name) ?? 0) + self / 1000);
      parts.set(done.event.name, (parts.get(done.event.name) ?? 0) + self / 1000);
      const parent = stack.at(-1);
      if (parent) parent.childTime += clip(done.event.ts, done.end);
      else {
        const ms = clip(done.event.ts, done.end) / 1000;
        events.set("(busy)", (events.get("(busy)") ?? 0) + ms);
        const wall = done.end - done.event.ts;
        const cpu =
          wall > 0 ? ((done.event.tdur ?? wall) * clip(done.event.ts, done.end)) / wall : 0;
        events.set("(busy, CPU time)", (events.get("(busy, CPU time)") ?? 0) + cpu / 1000);
        if (ms > 0) tasks.push({ start: (done.event.ts - origin) / 1000, ms, parts });
        parts = new Map();
      }
    }
  };
  for (const event of onThread) {
    close(event.ts);
    const parent = stack.at(-1);
    const eventEnd = Math.min(event.ts + (event.dur ?? 0), parent ? parent.end : Infinity);
    stack.push({ event, end: eventEnd, childTime: 0 });
  }
  close(Infinity);

  // The CPU profile: self time per area and per function, samples between origin and end.
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  const slices = new Map<number, Map<string, number>>();
  let time = profile.startTime;
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index] ?? 0;
    time += delta;
    if (time < origin || time > end) continue;
    const node = byId.get(profile.samples[index] as number);
    if (!node) continue;
    if (node.callFrame.functionName === "(idle)") continue;
    const ms = delta / 1000;
    const { area, name } = locate(node);
    areas.set(area, (areas.get(area) ?? 0) + ms);
    functions.set(name, (functions.get(name) ?? 0) + ms);
    const slice = Math.floor((time - origin) / 10_000);
    const inSlice = slices.get(slice) ?? new Map<string, number>();
    inSlice.set(area, (inSlice.get(area) ?? 0) + ms);
    slices.set(slice, inSlice);
  }
  const timeline = [...slices.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([slice, inSlice]) => {
      const parts = [...inSlice.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([area, ms]) => `${area} ${ms.toFixed(1)}`);
      return `  ${String(slice * 10).padStart(5)} ms: ${parts.join(", ")}`;
    });
  const taskLines = tasks
    .filter((task) => task.ms >= 3)
    .map((task) => {
      const top = [...task.parts.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`);
      return `  ${task.start.toFixed(0).padStart(5)} ms +${task.ms.toFixed(1).padStart(6)}: ${top.join(", ")}`;
    });
  return { events, areas, functions, timeline, taskLines };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
