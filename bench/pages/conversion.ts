/**
 * Bench page: the email converter as the pane loads it (its import() chunk, the browser's
 * DOMParser) against plain turndown, on the same large Outlook HTML email; and the longest
 * main-thread task while the converter's describeAsync runs (Long Tasks API: Chromium reports
 * tasks of 50 ms and more, w3c.github.io/longtasks/).
 */
import TurndownService from "turndown";
import { loadEmailConverter } from "../../src/mail/load-email-converter";
import type { MailMessage } from "../../src/mail/mail-message";
import { largeOutlookHtml } from "../fixtures/large-outlook-email";

/** One timed conversion. */
export interface ConversionRun {
  ms: number;
  /** Length of the result (a check that the work was done). */
  outputChars: number;
  /** The longest main-thread task seen while it ran, ms; 0 when none reached 50 ms. */
  longestTaskMs: number;
}

const message: MailMessage = {
  itemId: "bench-item",
  subject: "RE: VPN drops every hour",
  from: { name: "Chris Young", address: "chris.young@fabrikam.example" },
  to: [{ name: "Support", address: "support@contoso.example" }],
  cc: [],
  sentAt: new Date("2024-06-07T10:00:00Z"),
  internetMessageId: "<bench@fabrikam.example>",
  conversationId: "bench-conversation",
  attachments: [],
};

let html = "";

/** Makes the input email (deterministic) and loads the converter's chunk; returns the HTML's size. */
async function prepare(targetBytes: number): Promise<number> {
  html = largeOutlookHtml(targetBytes);
  await loadEmailConverter();
  return new TextEncoder().encode(html).length;
}

/** The converter as the pane runs it: describeAsync with the default options. */
async function convert(): Promise<ConversionRun> {
  const converter = await loadEmailConverter();
  return timed(async () => {
    const description = await converter.describeAsync({
      message,
      body: { html, text: "" },
      options: { includeHeaderBlock: true, cutQuotedHistory: false },
      inlineImages: [],
      locale: "en-US",
      timeZone: "UTC",
    });
    return description.markup.length;
  });
}

/** Plain turndown, default options, on the same HTML. */
function turndown(): Promise<ConversionRun> {
  return timed(async () => new TurndownService().turndown(html).length);
}

async function timed(work: () => Promise<number>): Promise<ConversionRun> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  // Start in a task of its own, so the task that calls in from the bench is not counted.
  await nextTask();
  observer.observe({ type: "longtask" });
  const started = performance.now();
  const outputChars = await work();
  const ms = performance.now() - started;
  // A long task is reported once it ended, after the task that finished the work.
  await nextTask();
  await nextTask();
  for (const entry of observer.takeRecords()) durations.push(entry.duration);
  observer.disconnect();
  return { ms, outputChars, longestTaskMs: Math.max(0, ...durations) };
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

(window as unknown as { benchConversion: unknown }).benchConversion = {
  prepare,
  convert,
  turndown,
};
