// Human-readable cell formatting for table output (JSON output keeps the raw wire values).

const UNITS = ["B", "KB", "MB", "GB", "TB", "PB"] as const;

/** 1536 → "1.5 KB" (powers of 1024, one decimal above bytes). */
export function formatSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || bytes < 0) return "N/A";
  let size = bytes;
  for (const unit of UNITS) {
    if (size < 1024) return unit === "B" ? `${Math.trunc(size)} B` : `${size.toFixed(1)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(1)} EB`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? "s" : ""}`;
}

/** A timestamp as relative time ("3 hours ago", "in 2 days"), or its date when older than 30 days. */
export function formatTimestamp(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return "N/A";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const deltaMs = now.getTime() - date.getTime();
  const future = deltaMs < 0;
  const seconds = Math.floor(Math.abs(deltaMs) / 1000);
  const days = Math.floor(seconds / 86_400);
  const wrap = (text: string): string => (future ? `in ${text}` : `${text} ago`);
  if (days > 30) return date.toISOString().slice(0, 10);
  if (days > 7) return wrap(plural(Math.floor(days / 7), "week"));
  if (days > 0) return wrap(plural(days, "day"));
  if (seconds > 3600) return wrap(plural(Math.floor(seconds / 3600), "hour"));
  if (seconds > 60) return wrap(plural(Math.floor(seconds / 60), "minute"));
  return future ? "in less than a minute" : "just now";
}

/** A training run's LoRA cell: "Yes (Rank 8)", "Yes" or "No". */
export function formatLora(run: { is_lora: boolean; lora_rank?: number | null | undefined }): string {
  return run.is_lora ? (run.lora_rank ? `Yes (Rank ${run.lora_rank})` : "Yes") : "No";
}

export function formatBool(value: boolean | null | undefined): string {
  return value ? "Yes" : "No";
}
