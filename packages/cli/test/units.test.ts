import { describe, expect, it } from "vitest";
import { mapBounded } from "../src/commands/bounded.js";
import { parseDate } from "../src/commands/dates.js";
import { fetchUpTo } from "../src/commands/paging.js";
import { formatLora, formatSize, formatTimestamp } from "../src/format.js";
import { redactor } from "../src/program.js";

describe("mapBounded", () => {
  it("never has more than the bound in flight and visits every item once", async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: number[] = [];
    await mapBounded(
      Array.from({ length: 100 }, (_, i) => i),
      32,
      async (i) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((r) => setImmediate(r));
        seen.push(i);
        inFlight--;
      },
    );
    expect(peak).toBe(32);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});

describe("parseDate", () => {
  it("reads dates and date-times as UTC unless an offset is given", () => {
    expect(parseDate("2024-06-01").toISOString()).toBe("2024-06-01T00:00:00.000Z");
    expect(parseDate("2024-06-01T08:30:00").toISOString()).toBe("2024-06-01T08:30:00.000Z");
    expect(parseDate("2024-06-01T08:30:00+02:00").toISOString()).toBe("2024-06-01T06:30:00.000Z");
    expect(() => parseDate("2024-02-30")).toThrow(/Invalid date/);
    expect(() => parseDate("yesterday")).toThrow(/Invalid date/);
  });
});

describe("fetchUpTo", () => {
  it("pages until the limit, the total, or a short page", async () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const asked: [number, number][] = [];
    const page = async (limit: number, offset: number): Promise<{ items: number[]; total: number }> => {
      asked.push([limit, offset]);
      return { items: items.slice(offset, offset + limit), total: items.length };
    };
    expect((await fetchUpTo(0, 10, page)).items).toEqual(items);
    expect(asked).toEqual([
      [10, 0],
      [10, 10],
      [5, 20],
    ]);
    expect((await fetchUpTo(12, 10, page)).items).toEqual(items.slice(0, 12));
  });
});

describe("formatting", () => {
  it("formats sizes and relative times like the Python CLI", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(1536)).toBe("1.5 KB");
    expect(formatSize(3 * 1024 ** 3)).toBe("3.0 GB");
    expect(formatSize(undefined)).toBe("N/A");
    const now = new Date("2026-01-10T12:00:00Z");
    expect(formatTimestamp("2026-01-10T10:00:00Z", now)).toBe("2 hours ago");
    expect(formatTimestamp("2026-01-12T12:00:01Z", now)).toBe("in 2 days");
    expect(formatTimestamp("2025-10-01T00:00:00Z", now)).toBe("2025-10-01");
  });

  it("describes a run's LoRA as the info tables do", () => {
    expect(formatLora({ is_lora: true, lora_rank: 8 })).toBe("Yes (Rank 8)");
    expect(formatLora({ is_lora: true, lora_rank: null })).toBe("Yes");
    expect(formatLora({ is_lora: false, lora_rank: 8 })).toBe("No");
  });

  it("redacts secrets in output", () => {
    expect(redactor(["tml-secret"])("key tml-secret used")).toBe("key [redacted] used");
  });
});

describe("pythonJson", () => {
  it("prints like Python's json.dumps", async () => {
    const { pythonJson } = await import("../src/json.js");
    expect(pythonJson({ deleted_count: 2, failed: [{ tinker_path: "tinker://r/weights/a", error: "é" }] })).toBe(
      '{"deleted_count": 2, "failed": [{"tinker_path": "tinker://r/weights/a", "error": "\\u00e9"}]}',
    );
    expect(pythonJson({ a: [], b: {}, c: [1, null] }, 2)).toBe('{\n  "a": [],\n  "b": {},\n  "c": [\n    1,\n    null\n  ]\n}');
  });
});
