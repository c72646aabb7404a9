/**
 * The side of the Office dialog that runs inside it (our callback page): hands a message to the
 * task pane that opened the dialog.
 */
export async function sendToOpeningPane(message: string): Promise<void> {
  await Office.onReady();
  // targetOrigin (DialogOrigin 1.1) keeps the message from reaching a pane on another origin.
  const targetOrigin = window.location.origin;
  if (Office.context.requirements.isSetSupported("DialogOrigin", "1.1")) {
    Office.context.ui.messageParent(message, { targetOrigin });
  } else {
    Office.context.ui.messageParent(message);
  }
}
