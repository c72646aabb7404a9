/**
 * Attachments: `POST issue/{key}/attachments` (OpenAPI `addAttachment`), `GET attachment/meta`
 * (`getAttachmentMeta`) and `GET attachment/{id}` (`getAttachment`).
 *
 * Upload rules, as Jira: multipart field `file` (repeatable); `X-Atlassian-Token: no-check` or
 * 403 "XSRF check failed" (the router-wide XSRF guard); 403 when attachments are disabled; 413 when a
 * file exceeds the upload limit. Files are counted while they stream (multer `limits.fileSize`), so
 * an oversized upload is never held in memory beyond the limit.
 */
import type { NextFunction, Request, Response, Router } from "express";
import multer from "multer";
import { attachmentBean } from "./issue-beans";
import {
  authenticated,
  requireUser,
  sendErrors,
  sendIssueNotFound,
  withVisibleIssue,
} from "./jira-errors";
import type { RestContext } from "./rest-context";
import { currentUser } from "./rest-context";

/** Most files one upload request may carry (the simulator's guard; Jira has no documented number). */
export const MAX_FILES_PER_UPLOAD = 50;

/** "10.00 MB", the way Jira's messages show sizes. */
function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(2)} kB`;
  return `${bytes} bytes`;
}

/** multer with the upload limit as it is set right now (settings can change between requests). */
function parseFiles(ctx: RestContext) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is("multipart/form-data")) {
      res.status(415).type("text/plain").send("Unsupported Media Type");
      return;
    }
    const limit = ctx.settings.uploadLimitBytes;
    const upload = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: limit, files: MAX_FILES_PER_UPLOAD, fields: 20 },
      // Browsers and fetch send UTF-8 file names without RFC 5987 encoding.
      defParamCharset: "utf8",
    }).array("file", MAX_FILES_PER_UPLOAD);
    upload(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError) {
        const filename =
          (error as multer.MulterError & { filename?: string }).filename ?? error.field ?? "";
        if (error.code === "LIMIT_FILE_SIZE") {
          sendErrors(res, 413, [
            `The file '${filename}' is too large to attach. The maximum attachment size is ${formatSize(limit)}.`,
          ]);
        } else if (error.code === "LIMIT_UNEXPECTED_FILE") {
          sendErrors(res, 400, [
            `Unexpected multipart field '${error.field ?? ""}': Jira reads attachments from the field 'file'.`,
          ]);
        } else {
          sendErrors(res, 400, [error.message]);
        }
        return;
      }
      next(error);
    });
  };
}

export function registerAttachmentRoutes(router: Router, ctx: RestContext): void {
  const { data, settings } = ctx;

  router.post(
    "/issue/:issueIdOrKey/attachments",
    requireUser,
    (req, res, next) => {
      if (!settings.attachmentsEnabled) {
        sendErrors(res, 403, ["Attachments are disabled."]);
        return;
      }
      if (!data.findIssue(currentUser(res), String(req.params.issueIdOrKey))) {
        sendIssueNotFound(res);
        return;
      }
      next();
    },
    parseFiles(ctx),
    withVisibleIssue(data, (req, res, issue, user) => {
      const files = (req.files as Express.Multer.File[] | undefined) ?? [];
      if (files.length === 0) {
        sendErrors(res, 400, ["No file was sent in the multipart field 'file'."]);
        return;
      }
      const added = files.map((file) =>
        data.addAttachment(user, issue, {
          filename: file.originalname,
          mimeType: file.mimetype || "application/octet-stream",
          content: file.buffer,
        })
      );
      res.status(200).json(added.map((attachment) => attachmentBean(settings, attachment)));
    })
  );

  router.get("/attachment/meta", (_req, res) => {
    res.json({ enabled: settings.attachmentsEnabled, uploadLimit: settings.uploadLimitBytes });
  });

  router.get(
    "/attachment/:id",
    authenticated((req, res, user) => {
      const id = String(req.params.id);
      if (!settings.attachmentsEnabled) {
        sendErrors(res, 404, ["Attachments are disabled."]);
        return;
      }
      const attachment = data.findAttachment(user, id);
      if (!attachment) {
        sendErrors(res, 404, [`The attachment with id '${id}' does not exist.`]);
        return;
      }
      res.json(attachmentBean(settings, attachment));
    })
  );
}
