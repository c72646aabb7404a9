import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import { FluentProvider, makeStyles } from "@fluentui/react-components";
import { useFluentTheme } from "../../ui/fluent-theme";
import type { MailboxMode, PreviewHost, PreviewTheme } from "../host-model";
import type { PreviewMessage } from "../message-model";
import { messageFromEml } from "../message-from-eml";
import { saveOpenedEml, savePreviewState, syncedPreviewQuery } from "../preview-state";
import type { PreviewSelection } from "../preview-state";
import type { KeyValueStorage } from "../storage";
import { MessageList } from "./MessageList";
import type { MessageListEntry } from "./MessageList";
import { PreviewToolbar } from "./PreviewToolbar";
import { ReadingPane } from "./ReadingPane";
import { TaskPaneFrame } from "./TaskPaneFrame";

export interface LoadedSample {
  readonly id: string;
  readonly message: PreviewMessage;
}

export interface PreviewAppProps {
  /** The host the task pane's stand-in binds to; this component drives it. */
  readonly host: PreviewHost;
  readonly samples: readonly LoadedSample[];
  /** A previously opened .eml restored from storage. */
  readonly initialOpened: PreviewMessage | null;
  readonly initialSelection: PreviewSelection | null;
  readonly storage: KeyValueStorage;
  /**
   * A problem with the page's URL query (`?lang=`/`?theme=`), shown like a problem with an opened
   * file, so a mistyped test URL says what it ignored.
   */
  readonly queryProblem?: string | null;
}

const OPENED_KEY = "opened-eml";

const useStyles = makeStyles({
  provider: { height: "100%" },
  layout: {
    display: "grid",
    gridTemplateRows: "auto 1fr",
    gridTemplateColumns: "280px minmax(0, 1fr) auto",
    height: "100%",
  },
  toolbar: { gridColumn: "1 / -1" },
});

/** The Outlook reading view: message list, reading pane, and the real task pane beside them. */
export function PreviewApp({
  host,
  samples,
  initialOpened,
  initialSelection,
  storage,
  queryProblem = null,
}: PreviewAppProps) {
  const styles = useStyles();
  const snapshot = useSyncExternalStore(host.subscribe, host.getSnapshot);
  const [opened, setOpened] = useState(initialOpened);
  const [selection, setSelection] = useState(initialSelection);
  const [openError, setOpenError] = useState<string | null>(queryProblem);

  const entries = useMemo<MessageListEntry[]>(
    () => [
      ...(opened ? [{ key: OPENED_KEY, message: opened }] : []),
      ...samples.map((sample) => ({ key: sample.id, message: sample.message })),
    ],
    [opened, samples]
  );
  const selectedKey = entries.find((entry) => entry.message === snapshot.item)?.key ?? null;

  useEffect(() => {
    savePreviewState(storage, {
      selection,
      theme: snapshot.theme,
      mailboxMode: snapshot.mailboxMode,
      displayLanguage: snapshot.displayLanguage,
    });
    // A ?lang= or ?theme= in the URL follows the toolbar, so a reload keeps what was chosen last.
    const search = syncedPreviewQuery(window.location.search, snapshot);
    if (search !== window.location.search) {
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${search}`);
    }
  }, [storage, selection, snapshot]);

  const handleSelect = useCallback(
    (entry: MessageListEntry) => {
      setSelection(entry.key === OPENED_KEY ? { kind: "eml" } : { kind: "sample", id: entry.key });
      host.setItem(entry.message); // raises ItemChanged in the pane, like selecting a message in Outlook
    },
    [host]
  );

  const handleOpenEml = useCallback(
    async (file: File) => {
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const message = await messageFromEml(bytes);
        setOpenError(
          saveOpenedEml(storage, bytes)
            ? null
            : `${file.name} is shown but too large to be restored after a reload.`
        );
        setOpened(message);
        setSelection({ kind: "eml" });
        host.setItem(message);
      } catch (error) {
        setOpenError(
          `${file.name} could not be read as an email: ${error instanceof Error ? error.message : String(error)}`
        );
      }
    },
    [host, storage]
  );

  const previewTheme = useFluentTheme(snapshot.theme);
  const handleThemeChange = useCallback((theme: PreviewTheme) => host.setTheme(theme), [host]);
  const handleMailboxModeChange = useCallback(
    (mode: MailboxMode) => host.setMailboxMode(mode),
    [host]
  );
  const handleDisplayLanguageChange = useCallback(
    (displayLanguage: string) => host.setDisplayLanguage(displayLanguage),
    [host]
  );

  return (
    <FluentProvider theme={previewTheme} className={styles.provider}>
      <div className={styles.layout}>
        <div className={styles.toolbar}>
          <PreviewToolbar
            theme={snapshot.theme}
            mailboxMode={snapshot.mailboxMode}
            displayLanguage={snapshot.displayLanguage}
            onThemeChange={handleThemeChange}
            onMailboxModeChange={handleMailboxModeChange}
            onDisplayLanguageChange={handleDisplayLanguageChange}
          />
        </div>
        <MessageList
          entries={entries}
          selectedKey={selectedKey}
          onSelect={handleSelect}
          onOpenEml={(file) => void handleOpenEml(file)}
          openError={openError}
        />
        <ReadingPane message={snapshot.item} />
        {/* A new key per emulated client or display language reloads the pane: Outlook starts the
            add-in afresh with other requirement sets, and fixes the display language per session. */}
        <TaskPaneFrame key={`${snapshot.mailboxMode} ${snapshot.displayLanguage}`} />
      </div>
    </FluentProvider>
  );
}
