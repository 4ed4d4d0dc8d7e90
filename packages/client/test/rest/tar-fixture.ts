// Builds ustar archives byte by byte, so tests can make entries no honest tar tool would write
// (`../` paths, absolute paths, links pointing outside).
export interface TarEntrySpec {
  path: string;
  type?: "file" | "dir" | "symlink" | "hardlink" | "fifo";
  body?: string | Uint8Array;
  linkpath?: string;
}

const TYPE_FLAGS = { file: "0", hardlink: "1", symlink: "2", fifo: "6", dir: "5" } as const;

function writeString(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value, offset, Math.min(length, Buffer.byteLength(value)), "utf8");
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  writeString(header, offset, length, value.toString(8).padStart(length - 1, "0") + "\0");
}

export function makeTar(entries: TarEntrySpec[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? "file";
    const body =
      entry.body === undefined ? Buffer.alloc(0) : typeof entry.body === "string" ? Buffer.from(entry.body) : Buffer.from(entry.body);
    const size = type === "file" ? body.length : 0;
    const header = Buffer.alloc(512);
    writeString(header, 0, 100, entry.path);
    writeOctal(header, 100, 8, type === "dir" ? 0o755 : 0o644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, size);
    writeOctal(header, 136, 12, 1_700_000_000);
    header.fill(" ", 148, 156);
    writeString(header, 156, 1, TYPE_FLAGS[type]);
    writeString(header, 157, 100, entry.linkpath ?? "");
    writeString(header, 257, 6, "ustar\0");
    writeString(header, 263, 2, "00");
    let checksum = 0;
    for (const byte of header) checksum += byte;
    writeString(header, 148, 8, checksum.toString(8).padStart(6, "0") + "\0 ");
    blocks.push(header);
    if (size > 0) {
      blocks.push(body);
      const pad = (512 - (size % 512)) % 512;
      if (pad) blocks.push(Buffer.alloc(pad));
    }
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}
