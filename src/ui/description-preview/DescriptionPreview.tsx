/**
 * What Jira will show for a description or comment: its wiki markup rendered as HTML
 * (wiki-markup-to-html.ts), cleaned by DOMPurify (sanitize.ts), and put into the DOM here, the
 * one place in the pane that sets HTML. Images are chips naming the file (nothing is fetched),
 * links open outside the pane, and every block takes its direction from its own text.
 */
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useDeferredValue, useMemo } from "react";
import { t } from "../../i18n/translate";
import { sanitizePreviewHtml } from "./sanitize";
import { IMAGE_CHIP_CLASS } from "./wiki-inline";
import { renderWikiMarkup } from "./wiki-markup-to-html";

/**
 * How much markup the preview renders: about three times Jira's default limit for a text field
 * (32,767 characters), so every description Jira accepts is shown whole, while a huge email
 * (a 5 MB body) can't keep the pane busy on every keystroke.
 */
export const PREVIEW_CHARACTER_LIMIT = 100_000;

const useStyles = makeStyles({
  frame: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  content: {
    maxHeight: "360px",
    overflowY: "auto",
    overflowWrap: "anywhere",
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    "& > :first-child": { marginBlockStart: 0 },
    "& > :last-child": { marginBlockEnd: 0 },
    "& p, & ul, & ol, & pre, & table, & blockquote": {
      marginBlock: tokens.spacingVerticalS,
    },
    "& h1, & h2, & h3, & h4, & h5, & h6": {
      marginBlock: tokens.spacingVerticalS,
      fontWeight: tokens.fontWeightSemibold,
      lineHeight: tokens.lineHeightBase400,
    },
    "& h1": { fontSize: tokens.fontSizeBase600 },
    "& h2": { fontSize: tokens.fontSizeBase500 },
    "& h3": { fontSize: tokens.fontSizeBase400 },
    "& h4, & h5, & h6": { fontSize: tokens.fontSizeBase300 },
    // Logical sides: a quote's bar and a list's indent sit where a right-to-left paragraph starts.
    "& blockquote": {
      marginInline: 0,
      paddingInlineStart: tokens.spacingHorizontalM,
      borderInlineStartWidth: tokens.strokeWidthThick,
      borderInlineStartStyle: "solid",
      borderInlineStartColor: tokens.colorNeutralStroke1,
      color: tokens.colorNeutralForeground2,
    },
    "& ul, & ol": { paddingInlineStart: tokens.spacingHorizontalXXL },
    "& pre, & code": { fontFamily: tokens.fontFamilyMonospace },
    "& pre": {
      whiteSpace: "pre-wrap",
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground3,
      borderRadius: tokens.borderRadiusSmall,
    },
    // A table wider than the pane scrolls on its own instead of widening the pane.
    "& table": { display: "block", overflowX: "auto", borderCollapse: "collapse" },
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      paddingBlock: tokens.spacingVerticalXXS,
      paddingInline: tokens.spacingHorizontalS,
      textAlign: "start",
      verticalAlign: "top",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3 },
    "& a": { color: tokens.colorBrandForegroundLink },
    "& hr": {
      border: "none",
      borderBlockStartWidth: tokens.strokeWidthThin,
      borderBlockStartStyle: "solid",
      borderBlockStartColor: tokens.colorNeutralStroke2,
    },
    [`& .${IMAGE_CHIP_CLASS}`]: {
      display: "inline-block",
      paddingInline: tokens.spacingHorizontalS,
      borderRadius: tokens.borderRadiusCircular,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      backgroundColor: tokens.colorNeutralBackground3,
      color: tokens.colorNeutralForeground2,
      fontSize: tokens.fontSizeBase200,
    },
  },
});

/** What the preview shows for some markup. */
export type PreviewContent =
  | { kind: "html"; html: string; truncated: boolean }
  | { kind: "empty" }
  | { kind: "problem"; message: string };

/**
 * The sanitized HTML for `markup` (its first {@link PREVIEW_CHARACTER_LIMIT} characters), or why
 * there is none. Never throws: a sanitizer that can't run shows a message, not the raw HTML.
 */
export function previewContentOf(markup: string): PreviewContent {
  if (markup.trim() === "") {
    return { kind: "empty" };
  }
  const truncated = markup.length > PREVIEW_CHARACTER_LIMIT;
  const shown = truncated ? markup.slice(0, PREVIEW_CHARACTER_LIMIT) : markup;
  try {
    return { kind: "html", html: sanitizePreviewHtml(renderWikiMarkup(shown)), truncated };
  } catch (error) {
    console.error("The description preview could not be made.", error);
    return { kind: "problem", message: t("description.sanitizerUnavailable") };
  }
}

export interface DescriptionPreviewProps {
  /** The wiki markup to show. */
  markup: string;
  /** The text's field label ("Description", "Comment"), for the preview's accessible name. */
  label: string;
}

/** The rendered preview of `markup` (see the module comment). */
export function DescriptionPreview({ markup, label }: DescriptionPreviewProps) {
  const styles = useStyles();
  // Typing stays responsive: a long preview re-renders behind the keystrokes.
  const shownMarkup = useDeferredValue(markup);
  const content = useMemo(() => previewContentOf(shownMarkup), [shownMarkup]);
  return (
    <section
      className={styles.frame}
      aria-label={t("description.previewRegion", { label })}
      data-testid="description-preview"
    >
      {content.kind === "problem" && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{content.message}</MessageBarBody>
        </MessageBar>
      )}
      {content.kind === "empty" && <Text italic>{t("description.previewEmpty")}</Text>}
      {content.kind === "html" && (
        <>
          {content.truncated && (
            <Text size={200}>
              {t("description.previewTruncated", { count: PREVIEW_CHARACTER_LIMIT })}
            </Text>
          )}
          <div
            className={styles.content}
            // Focusable, so keyboard users can scroll a long preview.
            tabIndex={0}
            data-testid="description-preview-content"
            // The one HTML the pane sets: rendered from escaped text, then sanitized (sanitize.ts).
            dangerouslySetInnerHTML={{ __html: content.html }}
          />
        </>
      )}
    </section>
  );
}
