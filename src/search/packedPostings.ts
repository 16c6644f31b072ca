import MiniSearch, { type Options } from "minisearch";

/**
 * minisearch keeps, for each term and field, a Map from document to term frequency: about 50 bytes a
 * posting, most of an archive's memory. `PackedPostings` is the same Map interface over two typed arrays
 * (document ids in ascending order, frequencies): 8 bytes a posting. minisearch numbers documents in the
 * order they are added, so adding appends. Removing (minisearch cleans out the documents of replaced or
 * deleted articles one at a time) marks the entry with a frequency of 0; the arrays are compacted once,
 * when next read in full.
 *
 * This relies on minisearch's private `_index` (a SearchableMap of Map<fieldId, postings>) and on what it
 * calls on postings: size, keys, get, set, delete and iteration. minisearch is pinned to one version in
 * package.json, and tests/search/scale.test.ts checks that packed and plain indexes answer alike.
 */
export class PackedPostings {
  /** ids at data[start .. start + length), frequencies at data[start + capacity ..]. */
  private data: Int32Array;
  private start: number;
  private capacity: number;
  private length: number;
  /** Entries removed but still in the arrays (frequency 0). */
  private dead = 0;

  /** Postings held in part of a shared array: `n` ids from `start`, then their `n` frequencies. */
  constructor(data: Int32Array = new Int32Array(4), start = 0, length = 0, capacity = data.length / 2) {
    this.data = data;
    this.start = start;
    this.length = length;
    this.capacity = capacity;
  }

  static from(entries: Iterable<[number, number]>): PackedPostings {
    const sorted = [...entries].sort((a, b) => a[0] - b[0]);
    const data = new Int32Array(2 * sorted.length);
    sorted.forEach(([id, freq], i) => {
      data[i] = id;
      data[sorted.length + i] = freq;
    });
    return new PackedPostings(data, 0, sorted.length, sorted.length);
  }

  get size(): number {
    return this.length - this.dead;
  }

  /** The document ids, ascending. A view: removals mid-iteration only mark entries, and compaction makes new arrays. */
  keys(): IterableIterator<number> {
    this.compact();
    return this.data.subarray(this.start, this.start + this.length).values();
  }

  *entries(): IterableIterator<[number, number]> {
    this.compact();
    const { data, start, capacity } = this;
    for (let i = 0, n = this.length; i < n; i++) yield [data[start + i]!, data[start + capacity + i]!];
  }

  [Symbol.iterator](): IterableIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (freq: number, id: number, map: this) => void): void {
    for (const [id, freq] of this.entries()) callback(freq, id, this);
  }

  has(id: number): boolean {
    return this.find(id) >= 0;
  }

  get(id: number): number | undefined {
    const at = this.find(id);
    return at >= 0 ? this.data[this.start + this.capacity + at] : undefined;
  }

  /** Drops the entries marked removed (once, before a full read). */
  private compact(): void {
    if (this.dead === 0) return;
    const { ids, freqs } = this.arrays();
    const live = this.length - this.dead;
    const data = new Int32Array(2 * Math.max(1, live));
    let to = 0;
    for (let i = 0; i < this.length; i++) {
      if (freqs[i] === 0) continue;
      data[to] = ids[i]!;
      data[Math.max(1, live) + to] = freqs[i]!;
      to++;
    }
    this.data = data;
    this.start = 0;
    this.capacity = Math.max(1, live);
    this.length = live;
    this.dead = 0;
  }

  set(id: number, freq: number): this {
    if (this.length === 0 || id > this.data[this.start + this.length - 1]!) {
      if (this.length === this.capacity) this.rebuild(Math.max(2, Math.ceil(this.length * 1.5)), this.length, -1);
      this.data[this.start + this.length] = id;
      this.data[this.start + this.capacity + this.length] = freq;
      this.length++;
      return this;
    }
    const at = this.find(id, true);
    if (at >= 0) {
      if (this.data[this.start + this.capacity + at] === 0) this.dead--; // brought back
      this.data[this.start + this.capacity + at] = freq;
      return this;
    }
    this.compact();
    const before = this.insertionPoint(id);
    this.rebuild(this.length + 1, before, -1, 1);
    this.data[this.start + before] = id;
    this.data[this.start + this.capacity + before] = freq;
    this.length++;
    return this;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    this.data[this.start + this.capacity + at] = 0;
    this.dead++;
    return true;
  }

  clear(): void {
    this.data = new Int32Array(4);
    this.start = 0;
    this.capacity = 2;
    this.length = 0;
    this.dead = 0;
  }

  /** The live ids and frequencies, for a snapshot. */
  entriesArrays(): { ids: Int32Array; freqs: Int32Array } {
    this.compact();
    return this.arrays();
  }

  private arrays(): { ids: Int32Array; freqs: Int32Array } {
    const { data, start, capacity, length } = this;
    return { ids: data.subarray(start, start + length), freqs: data.subarray(start + capacity, start + capacity + length) };
  }

  /**
   * Moves the postings to a new array of room `capacity`: entries before `at` stay, the one at `skip`
   * (if any) is left out, and the rest move by `gap` (room for an insertion).
   */
  private rebuild(capacity: number, at: number, skip: number, gap = 0): void {
    const { ids, freqs } = this.arrays();
    const data = new Int32Array(2 * capacity);
    const rest = skip >= 0 ? at + 1 : at;
    data.set(ids.subarray(0, at), 0);
    data.set(freqs.subarray(0, at), capacity);
    data.set(ids.subarray(rest), at + gap);
    data.set(freqs.subarray(rest), capacity + at + gap);
    this.data = data;
    this.start = 0;
    this.capacity = capacity;
  }

  /** Where an entry is (-1 if absent); a removed one counts only with `removed`. */
  private find(id: number, removed = false): number {
    const at = this.insertionPoint(id);
    if (at >= this.length || this.data[this.start + at] !== id) return -1;
    return removed || this.data[this.start + this.capacity + at] !== 0 ? at : -1;
  }

  private insertionPoint(id: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.data[this.start + middle]! < id) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

type Postings = Map<number, number> | PackedPostings;
/** The private parts of a minisearch 7 instance this module (and exactTerms.ts) reads and writes. */
export interface MiniSearchInternals {
  _index: {
    [Symbol.iterator](): IterableIterator<[string, Map<number, Postings>]>;
    get(term: string): Map<number, Postings> | undefined;
    set(term: string, value: Map<number, Postings>): void;
    /** The terms within `maxDistance` edits of `term`, each with its postings and its distance. */
    fuzzyGet(term: string, maxDistance: number): Map<string, [Map<number, Postings>, number]>;
  };
  _idToShortId: Map<string, number>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

export const internals = <T>(miniSearch: MiniSearch<T>) => miniSearch as unknown as MiniSearchInternals;

/**
 * Replaces every Map of postings in the index with packed postings. With `compact`, all postings are then
 * copied into one array, each a view of its part: no spare room, and a handful of allocations instead of
 * one per term and field.
 */
export function packPostings<T>(miniSearch: MiniSearch<T>, options: { compact?: boolean } = {}): void {
  const index = internals(miniSearch)._index;
  let total = 0;
  for (const [, fields] of index) {
    for (const [fieldId, postings] of fields) {
      if (!(postings instanceof PackedPostings)) fields.set(fieldId, PackedPostings.from(postings));
      total += postings.size;
    }
  }
  if (!options.compact) return;
  const slab = new Int32Array(2 * total);
  let at = 0;
  for (const [, fields] of index) {
    for (const [fieldId, postings] of fields) {
      const { ids, freqs } = (postings as PackedPostings).entriesArrays();
      const n = ids.length;
      slab.set(ids, at);
      slab.set(freqs, at + n);
      fields.set(fieldId, new PackedPostings(slab, at, n, n));
      at += 2 * n;
    }
  }
}

/** A minisearch index as plain data: a few arrays instead of millions of objects. */
export interface MiniSearchImage {
  documentCount: number;
  nextId: number;
  dirtCount: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  /** Short ids and the document ids they stand for. */
  shortIds: Int32Array;
  documentIds: string[];
  /** Per short id (in `shortIds` order), the length of each field. */
  fieldLengths: Int32Array;
  terms: string[];
  /** Per term: its number of fields, then per field its id, posting count n, n ids and n frequencies. */
  postings: Int32Array;
}

export function imageOf<T>(miniSearch: MiniSearch<T>): MiniSearchImage {
  const ms = internals(miniSearch);
  const fieldCount = Object.keys(ms._fieldIds).length;
  const shortIds = Int32Array.from(ms._documentIds.keys());
  const fieldLengths = new Int32Array(shortIds.length * fieldCount);
  shortIds.forEach((shortId, i) => {
    const lengths = ms._fieldLength.get(shortId) ?? [];
    for (let f = 0; f < fieldCount; f++) fieldLengths[i * fieldCount + f] = lengths[f] ?? 0;
  });
  // Postings of removed documents (minisearch discards lazily) are left out: the image is clean.
  const terms: string[] = [];
  const kept: Array<Array<{ fieldId: number; ids: Int32Array; freqs: Int32Array }>> = [];
  let size = 0;
  for (const [term, fields] of ms._index) {
    const live: Array<{ fieldId: number; ids: Int32Array; freqs: Int32Array }> = [];
    for (const [fieldId, docs] of fields) {
      const packed = docs instanceof PackedPostings ? docs : PackedPostings.from(docs);
      const { ids, freqs } = packed.entriesArrays();
      const keep = ids.map((id) => (ms._documentIds.has(id) ? 1 : 0));
      const count = keep.reduce((sum, k) => sum + k, 0);
      if (count === 0) continue;
      live.push(count === ids.length ? { fieldId, ids, freqs } : { fieldId, ids: ids.filter((_, i) => keep[i] === 1), freqs: freqs.filter((_, i) => keep[i] === 1) });
      size += 2 + 2 * count;
    }
    if (live.length === 0) continue;
    terms.push(term);
    kept.push(live);
    size += 1;
  }
  const postings = new Int32Array(size);
  let at = 0;
  for (const live of kept) {
    postings[at++] = live.length;
    for (const { fieldId, ids, freqs } of live) {
      postings[at++] = fieldId;
      postings[at++] = ids.length;
      postings.set(ids, at);
      postings.set(freqs, at + ids.length);
      at += 2 * ids.length;
    }
  }
  return {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    dirtCount: 0,
    fieldIds: ms._fieldIds,
    averageFieldLength: ms._avgFieldLength,
    shortIds,
    documentIds: [...ms._documentIds.values()],
    fieldLengths,
    terms,
    postings,
  };
}

/**
 * The index an image was taken of. Postings are views into the image's one array: nothing is copied
 * or parsed per posting, so a large index loads in a fraction of the time it takes to build.
 */
export function fromImage<T>(image: MiniSearchImage, options: Options<T>): MiniSearch<T> {
  const miniSearch = MiniSearch.loadJS<T>(
    { documentCount: 0, nextId: 0, documentIds: {}, fieldIds: image.fieldIds, fieldLength: {}, averageFieldLength: image.averageFieldLength, storedFields: {}, dirtCount: image.dirtCount, index: [], serializationVersion: 2 },
    options,
  );
  const ms = internals(miniSearch);
  const idToShortId = ms._idToShortId;
  const fieldCount = Object.keys(image.fieldIds).length;
  const { shortIds, documentIds, fieldLengths } = image;
  for (let i = 0; i < shortIds.length; i++) {
    const shortId = shortIds[i]!;
    ms._documentIds.set(shortId, documentIds[i]!);
    idToShortId.set(documentIds[i]!, shortId);
    const lengths = new Array<number>(fieldCount);
    for (let f = 0; f < fieldCount; f++) lengths[f] = fieldLengths[i * fieldCount + f]!;
    ms._fieldLength.set(shortId, lengths);
  }
  ms._documentCount = image.documentCount;
  ms._nextId = image.nextId;
  const { postings } = image;
  let at = 0;
  for (const term of image.terms) {
    const fields = new Map<number, Postings>();
    const fieldTotal = postings[at++]!;
    for (let f = 0; f < fieldTotal; f++) {
      const fieldId = postings[at++]!;
      const n = postings[at++]!;
      fields.set(fieldId, new PackedPostings(postings, at, n, n));
      at += 2 * n;
    }
    ms._index.set(term, fields);
  }
  return miniSearch;
}
