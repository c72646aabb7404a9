/**
 * Attachment downloads at `{base}/secure/attachment/{id}/{filename}` — outside /rest, so this is a
 * second router, to mount at Jira's context path (the same place as `/rest`), behind the same
 * authentication. Served as a download (`Content-Disposition: attachment`, `nosniff`) so an
 * uploaded HTML file never renders on the simulator's origin.
 */
import express from "express";
import type { Router } from "express";
import type { JiraData } from "../data/jira-data";
import type { SimulatorSettings } from "../simulator-contract";
import { NOT_AUTHENTICATED, sendErrors } from "./jira-errors";
import { currentUser } from "./rest-context";

/** Options of {@link createAttachmentContentRouter}. */
export interface AttachmentContentOptions {
  data: JiraData;
  settings: SimulatorSettings;
}

/** A router serving `GET /secure/attachment/:id/:filename` (mount it at the context path). */
export function createAttachmentContentRouter(options: AttachmentContentOptions): Router {
  const { data, settings } = options;
  const router = express.Router();
  router.get("/secure/attachment/:id/:filename", (req, res) => {
    const user = currentUser(res);
    if (!user) {
      sendErrors(res, 401, [NOT_AUTHENTICATED]);
      return;
    }
    const attachment = settings.attachmentsEnabled
      ? data.findAttachment(user, String(req.params.id))
      : undefined;
    if (!attachment) {
      res.status(404).type("text/plain").send("Attachment not found");
      return;
    }
    res.setHeader("Content-Type", attachment.mimeType);
    res.setHeader("Content-Length", String(attachment.size));
    res.setHeader(
      "Content-Disposition",
      `attachment; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`
    );
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.end(attachment.content);
  });
  return router;
}
