// zstd for the forward/backward body when the server's `proto_compress_fwdbwd` flag is on. The wasm
// build (works in Node 20 and browsers) is loaded on first use only, so clients that never compress
// never pay for it.
type Compressor = { compress(data: Uint8Array, level?: number): Uint8Array; decompress(data: Uint8Array): Uint8Array };

let loading: Promise<Compressor> | undefined;

function load(): Promise<Compressor> {
  loading ??= import("@hpcc-js/wasm-zstd").then(({ Zstd }) => Zstd.load()).catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/** One zstd frame (with the content size in its header, as python-zstandard writes it). */
export async function zstdCompress(data: Uint8Array): Promise<Uint8Array> {
  // The wasm instance returns a view into its own memory; copy before the next call reuses it.
  return (await load()).compress(data).slice();
}

export async function zstdDecompress(data: Uint8Array): Promise<Uint8Array> {
  return (await load()).decompress(data).slice();
}
