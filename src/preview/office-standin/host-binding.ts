/**
 * Finds the preview host from inside the task pane iframe (`window.parent`) or from a dialog popup
 * (`window.opener`, the pane, whose parent is the preview page). All same origin; anything else
 * (a cross-origin frame, a page opened directly) throws on access or lacks the property, and the
 * stand-in then runs without a host.
 */
import { PREVIEW_HOST_CONTRACT_VERSION, PREVIEW_HOST_PROPERTY } from "../host-model";
import type { PreviewHost } from "../host-model";

export interface HostBinding {
  readonly host: PreviewHost | null;
  /** True when this page was opened as an Office dialog (it has an opener). */
  readonly isDialog: boolean;
}

/** A window as far as the binding needs it (so tests can pass plain objects). */
export interface WindowLike {
  readonly parent?: unknown;
  readonly opener?: unknown;
}

export function findPreviewHost(win: WindowLike): HostBinding {
  const opener = safely(() => win.opener);
  const isDialog = opener !== null && opener !== undefined;
  const candidates = isDialog
    ? [() => (opener as WindowLike).parent, () => opener]
    : [() => (win.parent === win ? undefined : win.parent)];
  for (const candidate of candidates) {
    const host = safely(() => hostOf(candidate()));
    if (host) {
      return { host, isDialog };
    }
  }
  return { host: null, isDialog };
}

function hostOf(target: unknown): PreviewHost | null {
  if (typeof target !== "object" || target === null) {
    return null;
  }
  const host = (target as Record<string, unknown>)[PREVIEW_HOST_PROPERTY] as
    Partial<PreviewHost> | undefined;
  return host?.contractVersion === PREVIEW_HOST_CONTRACT_VERSION &&
    typeof host.getSnapshot === "function"
    ? (host as PreviewHost)
    : null;
}

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null; // SecurityError: a cross-origin window
  }
}
