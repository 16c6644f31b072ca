import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readSnapshotFile, writeSnapshotFile } from "../../src/search/snapshotFile.js";

interface Value {
  name: string;
  top: { counts: Int32Array; small: Int32Array; label: string };
  inner: { sums: Float64Array; text: Uint8Array; empty: Uint8Array; list: number[] };
}

const holders = (value: Value) => [value.top, value.inner];

function sample(): Value {
  return {
    name: "sample",
    // Large enough to be written raw, in every type and with lengths that need padding to 8 bytes.
    top: { counts: Int32Array.from({ length: 20_001 }, (_, i) => i * 7 - 3), small: Int32Array.of(1, 2, 3), label: "top" },
    inner: { sums: Float64Array.from({ length: 9_000 }, (_, i) => i / 3), text: Uint8Array.from({ length: 70_003 }, (_, i) => i % 251), empty: new Uint8Array(0), list: [1, 2] },
  };
}

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "newsdesk-snapshot-file-"));
  file = path.join(dir, "index.snapshot");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function read(check: (value: Value) => string | null = () => null) {
  const handle = await open(file, "r");
  try {
    return await readSnapshotFile<Value>(handle, check, holders);
  } finally {
    await handle.close();
  }
}

describe("the snapshot file", () => {
  it("gives back the value written, its large arrays as views into one buffer of their own, and leaves the value as it was", async () => {
    const value = sample();
    writeSnapshotFile(file, value, holders);
    expect(value).toEqual(sample());
    const back = await read();
    expect(back).toEqual({ ok: true, value: sample() });
    if (!back.ok) return;
    const { top, inner } = back.value;
    expect(top.counts.buffer).toBe(inner.sums.buffer);
    expect(inner.text.buffer).toBe(inner.sums.buffer);
    // Nothing else in that buffer: the three arrays, each padded to 8 bytes.
    const padded = (bytes: number) => Math.ceil(bytes / 8) * 8;
    expect(top.counts.buffer.byteLength).toBe(padded(20_001 * 4) + padded(9_000 * 8) + padded(70_003));
    expect(top.small.buffer).not.toBe(top.counts.buffer);
    expect(top.small.byteLength).toBe(top.small.buffer.byteLength);
  });

  it("lets the check reject the value before the rest is read, and calls anything else damaged or older", async () => {
    writeSnapshotFile(file, sample(), holders);
    expect(await read((value) => (value.name === "sample" ? "not this one" : null))).toEqual({ ok: false, rejected: "not this one" });
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, whole.length - 1));
    expect(await read()).toEqual({ ok: false, rejected: "damaged" });
    writeFileSync(file, Buffer.concat([whole, Buffer.from("x")]));
    expect(await read()).toEqual({ ok: false, rejected: "damaged" });
    writeFileSync(file, whole.subarray(0, 40));
    expect(await read()).toEqual({ ok: false, rejected: "damaged" });
    writeFileSync(file, "");
    expect(await read()).toEqual({ ok: false, rejected: "damaged" });
    writeFileSync(file, v8.serialize({ format: 1 }));
    expect(await read()).toEqual({ ok: false, rejected: "written by another version of Newsdesk" });
  });
});
