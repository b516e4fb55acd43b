import { waitUntil } from '@open-wc/testing';

export interface CapturedDownload {
  name: string;
  /** The file as text (a leading BOM is dropped by the decoder). */
  text: string;
  bytes: Uint8Array;
  type: string;
}

/** Catches the download link `downloadText`/`downloadBlob` clicks during `start` and reads the file it offers. */
export async function captureDownload(start: () => unknown): Promise<CapturedDownload> {
  let link: HTMLAnchorElement | undefined;
  const catcher = (event: MouseEvent) => {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLAnchorElement && target.download) {
      event.preventDefault();
      link = target;
    }
  };
  document.addEventListener('click', catcher, true);
  try {
    await start();
    // The first export loads its writer with import() (a lazy chunk): on a busy machine that takes longer than
    // waitUntil's default second, so the condition gets a generous deadline.
    await waitUntil(() => link, 'a download was offered', { timeout: 15_000 });
    const blob = await (await fetch(link!.href)).blob();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return { name: link!.download, text: new TextDecoder().decode(bytes), bytes, type: blob.type };
  } finally {
    document.removeEventListener('click', catcher, true);
  }
}
