/**
 * The Outlook preview page (/preview.html, dev builds only): an Outlook reading view whose task pane is
 * the real add-in, running on the Office stand-in (office-standin/) instead of office.js.
 *
 * Boot order matters: the host is published on `window.outlookPreviewHost` with the first message
 * already selected *before* the task pane iframe exists, because Outlook never starts a read-mode pane
 * without an item.
 */
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./components/PreviewApp";
import type { LoadedSample } from "./components/PreviewApp";
import { createPreviewHost, PREVIEW_HOST_PROPERTY } from "./host-model";
import type { PreviewHost } from "./host-model";
import type { PreviewMessage } from "./message-model";
import { messageFromEml } from "./message-from-eml";
import {
  loadOpenedEml,
  loadPreviewState,
  readPreviewQuery,
  withPreviewQuery,
} from "./preview-state";
import { SAMPLES } from "./samples";
import { browserStorage } from "./storage";

declare global {
  interface Window {
    /** Published by the preview page; read by the stand-in in the pane (window.parent) and dialog (opener.parent). */
    [PREVIEW_HOST_PROPERTY]?: PreviewHost;
  }
}

async function restoreOpenedEml(bytes: Uint8Array | null): Promise<PreviewMessage | null> {
  if (!bytes) {
    return null;
  }
  try {
    return await messageFromEml(bytes);
  } catch (error) {
    console.warn(
      "Outlook preview: the saved .eml could not be parsed; showing the first sample instead.",
      error
    );
    return null;
  }
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) {
    throw new Error("preview.html has no #root element");
  }
  const storage = browserStorage();
  // The URL (`?lang=de-DE&theme=dark`) wins over what the last visit left.
  const query = readPreviewQuery(window.location.search);
  for (const problem of query.problems) console.warn(`Outlook preview: ${problem}`);
  const saved = withPreviewQuery(loadPreviewState(storage), query);
  const samples: LoadedSample[] = await Promise.all(
    SAMPLES.map(async (sample) => ({ id: sample.id, message: await messageFromEml(sample.source) }))
  );
  const opened =
    saved.selection?.kind === "eml" ? await restoreOpenedEml(loadOpenedEml(storage)) : null;

  const savedId = saved.selection?.kind === "sample" ? saved.selection.id : undefined;
  const savedSample = samples.find((sample) => sample.id === savedId);
  const first = samples[0];
  const item = opened ?? savedSample?.message ?? first?.message ?? null;
  const selection = opened
    ? ({ kind: "eml" } as const)
    : { kind: "sample" as const, id: (savedSample ?? first)?.id ?? "" };

  const host = createPreviewHost({
    initial: {
      item,
      theme: saved.theme,
      mailboxMode: saved.mailboxMode,
      displayLanguage: saved.displayLanguage,
    },
  });
  window[PREVIEW_HOST_PROPERTY] = host;

  createRoot(container).render(
    <PreviewApp
      host={host}
      samples={samples}
      initialOpened={opened}
      initialSelection={selection}
      storage={storage}
      queryProblem={query.problems.length > 0 ? query.problems.join(" ") : null}
    />
  );
}

void start();
