/**
 * The emails the create tests turn into issues (the preview's six built-in samples and an .eml of
 * our own opened with "Open .eml"), what is expected of each, worked out by hand, and the check of
 * the issue the simulator stored for one of them.
 *
 * Expected bytes come from the .eml files on disk, parsed in Node with postal-mime, never from
 * the pane: the preview imports the samples as text and re-encodes them as UTF-8
 * (src/preview/message-from-eml.ts: `new TextEncoder().encode(raw)` → `emlBase64`), which gives
 * back the file's bytes because the samples are ASCII; an opened file's bytes are used as read.
 * Both are what `getAsFileAsync` and EWS `MimeContent` serve, so the uploaded .eml must equal the
 * file on disk.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import PostalMime from "postal-mime";
import {
  CUSTOMER_IMPACT_FIELD_ID,
  EMAIL_PROPERTY_KEY,
  HIGH_IMPACT_OPTION_ID,
  sha256,
} from "./pane-helpers";
import type { SimulatorAttachment, SimulatorIssue } from "./pane-helpers";

const samplesDir = path.resolve(__dirname, "../../src/preview/samples");
const fixturesDir = path.resolve(__dirname, "../fixtures/e2e");

/** Service Request's issue type id in the simulator (src/simulator/data/catalog.ts). */
const SERVICE_REQUEST_TYPE_ID = "10100";

/** An HTML tag left in markup ("<p>", "</td>", "<o:p>"); an address like <a@b.example> is no tag. */
const HTML_TAG = /<\/?[a-z][a-z0-9:-]*(?:\s[^<>]*)?\/?>/i;
/** An HTML entity left in markup ("&nbsp;", "&lt;"). */
const HTML_ENTITY = /&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/** One email to create an issue from. */
export interface EmailCase {
  /** For test names. */
  name: string;
  /** The .eml on disk. */
  file: string;
  /** "sample": in the preview's message list; "opened": through "Open .eml". */
  source: "sample" | "opened";
  /** The subject as the message list and the pane show it. */
  subject: string;
  /** The issue's summary: the subject without reply/forward prefixes (by hand). */
  summary: string;
  /** From, as the issue property records it. */
  sender: { name: string; address: string };
  /** The attachment checkboxes the form offers (file names exactly), in order. */
  attachmentNames: string[];
  /** Inline images the description references and the create uploads with it. */
  inlineImages: string[];
  /** The .eml's file name on the issue: the subject made safe (":" → "_"). */
  emlName: string;
  /** Markup the description must contain (specific to this email). */
  markup: Array<string | RegExp>;
  /** Markup the description must not contain. */
  notInMarkup: Array<string | RegExp>;
}

const noHtmlLeft = [HTML_TAG, HTML_ENTITY];

/** The built-in samples (src/preview/samples), in the message list's order. */
export const SAMPLE_CASES: readonly EmailCase[] = [
  {
    name: "plain text",
    file: path.join(samplesDir, "01-plain-text.eml"),
    source: "sample",
    subject: "Cannot log in to the expense portal",
    summary: "Cannot log in to the expense portal",
    sender: { name: "Dana Whitfield", address: "dana.whitfield@fabrikam.example" },
    attachmentNames: [],
    inlineImages: [],
    emlName: "Cannot log in to the expense portal.eml",
    markup: [
      "*From:* Dana Whitfield <dana.whitfield@fabrikam.example>",
      "*Subject:* Cannot log in to the expense portal\n----\n",
      "Hello Service Desk,",
      "(https://expenses.contoso.example)",
      "1. Cleared the browser cache and cookies",
      // Wiki characters in plain text are escaped: "|" would start a table cell, "--" a strike.
      "Dana Whitfield \\| Finance \\| Fabrikam Ltd.",
    ],
    notInMarkup: [],
  },
  {
    name: "Outlook HTML with a table and an inline image",
    file: path.join(samplesDir, "02-outlook-html.eml"),
    source: "sample",
    subject: "Nightly invoice export to ERP fails with timeout",
    summary: "Nightly invoice export to ERP fails with timeout",
    sender: { name: "Priya Raman", address: "priya.raman@contoso.example" },
    attachmentNames: [],
    inlineImages: ["image001.png"],
    emlName: "Nightly invoice export to ERP fails with timeout.eml",
    markup: [
      "*Cc:* Marco Rossi <marco.rossi@contoso.example>",
      "The nightly *invoice export* to the ERP failed again",
      "|Night|Result|\n|2024-06-01|Timeout|\n|2024-06-02|OK|",
      "Screenshot of the scheduler:\n!image001.png!",
    ],
    // No "<" at all below the header block (whose addresses are in angle brackets).
    notInMarkup: [
      ...noHtmlLeft,
      "MsoNormal",
      "o:p",
      "mso-",
      "WordSection",
      "cid:",
      /\n----\n[^]*</,
    ],
  },
  {
    name: "three attachments",
    file: path.join(samplesDir, "03-attachments.eml"),
    source: "sample",
    subject: "Invoice 2024-117 and VPN logs attached",
    summary: "Invoice 2024-117 and VPN logs attached",
    sender: { name: "Jonas Becker", address: "jonas.becker@contoso.example" },
    attachmentNames: ["Invoice-2024-117.pdf", "vpn-gateway.txt", "affected-users.csv"],
    inlineImages: [],
    emlName: "Invoice 2024-117 and VPN logs attached.eml",
    markup: [
      "*Cc:* Network Team <network@contoso.example>; Lena Vogel <lena.vogel@contoso.example>",
      "attached are the disputed invoice (PDF), the VPN gateway log excerpt",
    ],
    notInMarkup: [],
  },
  {
    name: "non-ASCII (German, encoded words)",
    file: path.join(samplesDir, "04-non-ascii.eml"),
    source: "sample",
    subject: "Überweisung fehlgeschlagen – Zahlung #4711 ✓",
    summary: "Überweisung fehlgeschlagen – Zahlung #4711 ✓",
    sender: { name: "Jürgen Weiß", address: "juergen.weiss@fabrikam.example" },
    attachmentNames: [],
    inlineImages: [],
    emlName: "Überweisung fehlgeschlagen – Zahlung #4711 ✓.eml",
    markup: [
      "*From:* Jürgen Weiß <juergen.weiss@fabrikam.example>",
      "die *Überweisung* für Zahlung #4711 ist heute früh fehlgeschlagen.\nDer Betrag",
      /1\.250,00[\u00a0 ]€ wurde nicht abgebucht/,
      "„Konto gesperrt“",
      "Grüße aus Köln\nJürgen Weiß",
    ],
    notInMarkup: noHtmlLeft,
  },
  {
    name: "right-to-left (Hebrew)",
    file: path.join(samplesDir, "05-right-to-left.eml"),
    source: "sample",
    subject: "בעיית גישה ל-Jira",
    summary: "בעיית גישה ל-Jira",
    sender: { name: "נועה כהן", address: "noa.cohen@contoso.example" },
    attachmentNames: [],
    inlineImages: [],
    emlName: "בעיית גישה ל-Jira.eml",
    markup: ["*From:* נועה כהן <noa.cohen@contoso.example>", "שלום צוות התמיכה,", "20417"],
    notInMarkup: noHtmlLeft,
  },
  {
    name: "a reply with quoted history",
    file: path.join(samplesDir, "06-reply-sup-2.eml"),
    source: "sample",
    subject: "RE: [SUP-2] VPN drops every hour",
    // "RE: " stripped; the bracketed key is part of the subject proper.
    summary: "[SUP-2] VPN drops every hour",
    sender: { name: "Chris Young", address: "chris.young@fabrikam.example" },
    attachmentNames: [],
    inlineImages: [],
    emlName: "RE_ [SUP-2] VPN drops every hour.eml",
    markup: [
      // "[" would start a Jira link: escaped.
      "*Subject:* RE: \\[SUP-2\\] VPN drops every hour",
      "Hi Sam,\nthe drops still happen exactly on the hour",
      /\{quote\}\nHi Chris,\nplease update the VPN client to 5\.2\.1[\s\S]*\{quote\}/,
    ],
    notInMarkup: [...noHtmlLeft, "MsoNormal"],
  },
];

/**
 * Our own .eml opened with "Open .eml" (test/fixtures/e2e/README.md): an HTML body, a German
 * forward prefix, raw 8-bit UTF-8 and CRLF in the file, a PNG and a PDF whose bytes are not
 * UTF-8, non-ASCII file names in both encodings (RFC 2231 and RFC 2047).
 */
export const OPENED_CASE: EmailCase = {
  name: "an .eml opened from disk",
  file: path.join(fixturesDir, "network-outage-koeln.eml"),
  source: "opened",
  subject: "WG: Netzwerkausfall im Büro Köln",
  summary: "Netzwerkausfall im Büro Köln",
  sender: { name: "Mia Schröder", address: "mia.schroeder@contoso.example" },
  attachmentNames: ["Netzwerkplan Köln – Übersicht.png", "Störungsprotokoll.pdf"],
  inlineImages: [],
  emlName: "WG_ Netzwerkausfall im Büro Köln.eml",
  markup: [
    "seit *08:10 Uhr* ist das Netzwerk im Büro _Köln_ ausgefallen.",
    "* WLAN im 2. Stock\n* Drucker und +Telefone+",
    "||Standort||Status||\n|Köln|Ausfall|\n|Bonn|OK|",
    "[Statusseite|https://status.contoso.example/koeln]",
    "Grüße\nMia",
  ],
  notInMarkup: noHtmlLeft,
};

/** A file the issue must have: its name, size and the sha256 of its bytes. */
export interface ExpectedFile {
  filename: string;
  size: number;
  sha256: string;
}

/**
 * The files the issue made from `emailCase` must carry: every attachment and inline image, with
 * the sha256 of its decoded bytes as postal-mime reads them from the .eml, and the .eml itself.
 */
export async function expectedFiles(emailCase: EmailCase): Promise<ExpectedFile[]> {
  const bytes = readFileSync(emailCase.file);
  const email = await PostalMime.parse(bytes, { attachmentEncoding: "arraybuffer" });
  const byName = new Map(
    email.attachments.map((attachment) => [
      attachment.filename ?? "",
      new Uint8Array(attachment.content as ArrayBuffer),
    ])
  );
  const names = [...emailCase.attachmentNames, ...emailCase.inlineImages];
  // The table must name every part of the email, no more, no less.
  expect([...byName.keys()].sort()).toEqual([...names].sort());
  const fileOf = (filename: string, content: Uint8Array) => ({
    filename,
    size: content.byteLength,
    sha256: sha256(content),
  });
  return [
    ...names.map((name) => fileOf(name, byName.get(name) ?? new Uint8Array())),
    fileOf(emailCase.emlName, bytes),
  ];
}

/** The names of the email's attachments whose bytes are not valid UTF-8 (binary files). */
export async function binaryAttachmentNames(emailCase: EmailCase): Promise<string[]> {
  const email = await PostalMime.parse(readFileSync(emailCase.file), {
    attachmentEncoding: "arraybuffer",
  });
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  return email.attachments
    .filter((attachment) => {
      try {
        utf8.decode(attachment.content as ArrayBuffer);
        return false;
      } catch {
        return true;
      }
    })
    .map((attachment) => attachment.filename ?? "");
}

/** The Message-ID of the .eml, angle brackets included (as Outlook reports it). */
export async function messageIdOf(emailCase: EmailCase): Promise<string> {
  const email = await PostalMime.parse(readFileSync(emailCase.file));
  const id = email.messageId?.trim() ?? "";
  return id.startsWith("<") ? id : `<${id}>`;
}

/** Sorted by name, then hash, for comparing lists of files. */
export function sortedFiles(files: readonly ExpectedFile[]): ExpectedFile[] {
  return [...files].sort(
    (a, b) => a.filename.localeCompare(b.filename) || a.sha256.localeCompare(b.sha256)
  );
}

/**
 * Checks the issue the simulator stored for `emailCase`: summary, Customer Impact = High,
 * description = the markup the form showed (with this email's markup), every file byte-identical
 * and each exactly once, the remote link back to the email and the issue property.
 */
export async function expectIssueFromEmail(
  issue: SimulatorIssue,
  attachments: readonly SimulatorAttachment[],
  emailCase: EmailCase,
  shownDescription: string
): Promise<void> {
  expect(issue.issueTypeId).toBe(SERVICE_REQUEST_TYPE_ID);
  expect(issue.values.summary).toBe(emailCase.summary);
  expect(issue.values[CUSTOMER_IMPACT_FIELD_ID]).toBe(HIGH_IMPACT_OPTION_ID);

  const description = issue.values.description ?? "";
  expect(description).toBe(shownDescription);
  for (const expected of emailCase.markup) {
    if (typeof expected === "string") expect(description).toContain(expected);
    else expect(description).toMatch(expected);
  }
  for (const unexpected of emailCase.notInMarkup) {
    if (typeof unexpected === "string") expect(description).not.toContain(unexpected);
    else expect(description).not.toMatch(unexpected);
  }

  const stored = attachments.map(({ filename, size, sha256 }) => ({ filename, size, sha256 }));
  expect(sortedFiles(stored)).toEqual(sortedFiles(await expectedFiles(emailCase)));

  const messageId = await messageIdOf(emailCase);
  const bareId = messageId.slice(1, -1);
  expect(issue.remoteLinks).toHaveLength(1);
  const [link] = issue.remoteLinks;
  expect(link?.globalId).toBe(`outlook-message:${bareId}`);
  expect(link?.object.url).toMatch(/^mid:/);
  expect(link?.object.title).toBe(emailCase.subject);

  const property = issue.properties[EMAIL_PROPERTY_KEY] as {
    formatVersion: number;
    emails: Array<Record<string, unknown>>;
  };
  expect(property.formatVersion).toBe(1);
  expect(property.emails).toHaveLength(1);
  expect(property.emails[0]).toMatchObject({
    messageId,
    subject: emailCase.subject,
    kind: "created",
    sender: emailCase.sender,
    conversationId: expect.any(String),
    attemptId: expect.any(String),
  });
}
