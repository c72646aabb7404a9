/** Display helpers for the reading pane. */
import type { PreviewAddress } from "../message-model";

export function formatAddress(address: PreviewAddress): string {
  return address.displayName && address.displayName !== address.emailAddress
    ? `${address.displayName} <${address.emailAddress}>`
    : address.emailAddress;
}

export function formatAddresses(addresses: readonly PreviewAddress[]): string {
  return addresses.map(formatAddress).join("; ");
}

/** Sizes as Outlook shows them: bytes under 1 KB, then KB/MB with one decimal. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso)
  );
}
