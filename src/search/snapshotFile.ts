import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import v8 from "node:v8";

/**
 * The layout of a snapshot file: MAGIC; the length of the serialized part (8 bytes, little-endian); the
 * serialized part, a value written by v8.serialize with its large typed arrays left out (null in their
 * places, with a list of where they go); then those arrays' bytes, each at a multiple of 8 bytes. Read
 * back, the arrays are views into one buffer that holds nothing else: no copy, and no bytes of the file
 * kept alive that the index does not use. At 100,000 articles they are most of the file (postings, key
 * point terms, the articles' text).
 */
const MAGIC = Buffer.from("NEWSDESK");
const HEADER_BYTES = MAGIC.length + 8;
/** The first byte of anything v8.serialize writes: the first format's snapshots start with it. */
const V8_VERSION_TAG = 0xff;
/** Typed arrays from this size on are written raw. */
const RAW_BYTES = 64 * 1024;

const ARRAY_TYPES = { Int32Array, Float64Array, Uint8Array } as const;
type ArrayType = keyof typeof ARRAY_TYPES;

/** Where a raw array goes: the holder (by position), its key, its type, and its place in the raw part. */
interface RawArray {
  holder: number;
  key: string;
  type: ArrayType;
  offset: number;
  length: number;
}

interface Framed<T> {
  value: T;
  raw: RawArray[];
  rawBytes: number;
}

/**
 * Writes `value` (to a temporary file, then renamed), the large typed arrays found as own properties of
 * `holdersOf(value)` written raw. The holders are left as they were.
 */
export function writeSnapshotFile<T>(file: string, value: T, holdersOf: (value: T) => object[]): void {
  const holders = holdersOf(value) as Array<Record<string, unknown>>;
  const raw: RawArray[] = [];
  const arrays: Uint8Array[] = [];
  let rawBytes = 0;
  holders.forEach((holder, at) => {
    for (const [key, array] of Object.entries(holder)) {
      const type = array?.constructor.name as ArrayType;
      if (!ArrayBuffer.isView(array) || !(type in ARRAY_TYPES) || array.byteLength < RAW_BYTES) continue;
      raw.push({ holder: at, key, type, offset: rawBytes, length: (array as Int32Array).length });
      arrays.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
      rawBytes += Math.ceil(array.byteLength / 8) * 8;
    }
  });
  for (const { holder, key } of raw) holders[holder]![key] = null;
  let serialized: Buffer;
  try {
    serialized = v8.serialize({ value, raw, rawBytes } satisfies Framed<T>);
  } finally {
    raw.forEach(({ holder, key }, i) => (holders[holder]![key] = typedView(raw[i]!, arrays[i]!)));
  }
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header.writeBigUInt64LE(BigInt(serialized.length), MAGIC.length);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const fd = openSync(temporary, "w");
    try {
      writeAll(fd, header);
      writeAll(fd, serialized);
      const padding = new Uint8Array(8);
      for (const bytes of arrays) {
        writeAll(fd, bytes);
        writeAll(fd, padding.subarray(0, Math.ceil(bytes.length / 8) * 8 - bytes.length));
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true }); // a full disk leaves no half-written file behind
    throw error;
  }
}

export type SnapshotRead<T> = { ok: true; value: T } | { ok: false; rejected: string };

/**
 * Reads a file `writeSnapshotFile` wrote. `check` looks at the value before the raw part is read (a
 * snapshot of other code is rejected without reading the rest); a rejection is returned as it is.
 * Anything else that is not such a file is "damaged", or "written by another version of Newsdesk" for a
 * snapshot of the first format. Errors reading the file are thrown.
 */
export async function readSnapshotFile<T>(handle: FileHandle, check: (value: T) => string | null, holdersOf: (value: T) => object[]): Promise<SnapshotRead<T>> {
  const { size } = await handle.stat();
  const header = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
  if (bytesRead > 0 && header[0] === V8_VERSION_TAG) return { ok: false, rejected: "written by another version of Newsdesk" };
  if (bytesRead < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, rejected: "damaged" };
  const length = Number(header.readBigUInt64LE(MAGIC.length));
  if (HEADER_BYTES + length > size) return { ok: false, rejected: "damaged" };
  let framed: Framed<T>;
  try {
    framed = v8.deserialize(await readAt(handle, HEADER_BYTES, length)) as Framed<T>;
  } catch {
    return { ok: false, rejected: "damaged" };
  }
  const rejected = check(framed.value);
  if (rejected) return { ok: false, rejected };
  if (HEADER_BYTES + length + framed.rawBytes !== size) return { ok: false, rejected: "damaged" };
  const rawPart = await readAt(handle, HEADER_BYTES + length, framed.rawBytes);
  const holders = holdersOf(framed.value) as Array<Record<string, unknown>>;
  for (const raw of framed.raw) holders[raw.holder]![raw.key] = typedView(raw, rawPart.subarray(raw.offset));
  for (const holder of holders) ownSmallArrays(holder, rawPart);
  return { ok: true, value: framed.value };
}

function typedView({ type, length }: RawArray, bytes: Uint8Array): ArrayBufferView {
  return new ARRAY_TYPES[type](bytes.buffer as ArrayBuffer, bytes.byteOffset, length);
}

/**
 * A small typed array left in the serialized part may come back as a view into the whole buffer read
 * (when it happens to be aligned): copied, it no longer keeps that buffer alive with the index.
 */
function ownSmallArrays(holder: Record<string, unknown>, rawPart: Buffer): void {
  for (const [key, value] of Object.entries(holder)) {
    if (ArrayBuffer.isView(value) && value.buffer !== rawPart.buffer && value.byteLength !== value.buffer.byteLength) holder[key] = (value as Int32Array).slice();
  }
}

async function readAt(handle: FileHandle, position: number, bytes: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafeSlow(bytes);
  for (let done = 0; done < bytes; ) {
    const { bytesRead } = await handle.read(buffer, done, bytes - done, position + done);
    if (bytesRead === 0) throw Object.assign(new Error("the snapshot file ends early"), { code: "ETRUNCATED" });
    done += bytesRead;
  }
  return buffer;
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let done = 0; done < data.length; ) done += writeSync(fd, data, done, data.length - done);
}
