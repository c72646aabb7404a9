/**
 * How mail clients introduce the message being replied to or forwarded, in the languages they
 * write it. Shared by the HTML and the plain-text history cut.
 */

/** "-----Original Message-----" (Outlook), "---------- Forwarded message ---------" (Gmail), localized. */
export const ORIGINAL_MESSAGE_LINE = new RegExp(
  "^\\s*-{2,}\\s*(?:" +
    [
      "original message",
      "ursprüngliche nachricht",
      "message d'origine",
      "messaggio originale",
      "oorspronkelijk bericht",
      "mensaje original",
      "mensagem original",
      "originalmeddelande",
      "oprindelig meddelelse",
      "opprinnelig melding",
      "alkuperäinen viesti",
      "wiadomość oryginalna",
      "původní zpráva",
      "исходное сообщение",
      "forwarded message",
      "weitergeleitete nachricht",
      "message transféré",
      "messaggio inoltrato",
      "doorgestuurd bericht",
      "mensaje reenviado",
      "mensagem encaminhada",
    ].join("|") +
    ")\\s*-{2,}\\s*$",
  "iu"
);

/** The first line of Outlook's header block: "From:", "Von:", "De:", "Da:", "Van:" … */
export const FROM_LABEL =
  /^\s*\*?(?:from|von|de|da|van|från|fra|od|от|lähettäjä|feladó|kimden|发件人|寄件者|差出人|보낸 사람)\s*\*?\s*[:：]/iu;

/** The line after it: "Sent:", "Gesendet:", "Envoyé:", "Inviato:", "Verzonden:", "Date:" … */
export const SENT_LABEL =
  /^\s*\*?(?:sent|date|gesendet|datum|envoyé|inviato|data|verzonden|skickat|sendt|lähetetty|wysłano|wysłane|odesláno|enviado|enviada|fecha|gönderildi|tarih|отправлено|发送时间|寄件日期|送信日時|보낸 날짜)\s*\*?\s*[:：]/iu;

/**
 * "On Mon, 3 Jun 2024 at 09:12, Priya <p@x> wrote:" and its translations ("Am … schrieb …:",
 * "Le … a écrit :", "Il … ha scritto:", "Op … schreef …:", "El … escribió:"): a line that starts
 * with the preposition, names the verb, and ends with a colon.
 */
export const WROTE_LINE =
  /^\s*(?:on|am|le|il|op|el|em|den|dnia|w dniu|pe|в)\s.*\s(?:wrote|schrieb|a écrit|ha scritto|schreef|escribió|escreveu|skrev|kirjoitti|napisał|írta|написал)\b.*[:：]\s*$/iu;

/** Attribution lines are short; longer text is never tested (and never meets a slow regex). */
const MAX_ATTRIBUTION_LENGTH = 400;

/** Whether `text` is an "On … wrote:" attribution line (see {@link WROTE_LINE}). */
export function isAttribution(text: string): boolean {
  return text.length <= MAX_ATTRIBUTION_LENGTH && WROTE_LINE.test(text);
}

/** Outlook's plain-text separator above the header block: a long row of underscores. */
export const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
