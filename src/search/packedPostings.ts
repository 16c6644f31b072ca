import MiniSearch, { type Options } from "minisearch";

/**
 * minisearch keeps, for each term and field, a Map from document to term frequency: about 50 bytes a
 * posting, most of an archive's memory. `PackedPostings` is the same Map interface over two typed arrays
 * (document ids in ascending order, frequencies): 8 bytes a posting. minisearch numbers documents in the
 * order they are added, so adding appends; removing (a replaced or deleted article) copies the arrays.
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
    return this.length;
  }

  /** The document ids, ascending. A view: a removal mid-iteration makes a new array and leaves it intact. */
  keys(): IterableIterator<number> {
    return this.data.subarray(this.start, this.start + this.length).values();
  }

  *entries(): IterableIterator<[number, number]> {
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

  set(id: number, freq: number): this {
    if (this.length === 0 || id > this.data[this.start + this.length - 1]!) {
      if (this.length === this.capacity) this.rebuild(Math.max(2, Math.ceil(this.length * 1.5)), this.length, -1);
      this.data[this.start + this.length] = id;
      this.data[this.start + this.capacity + this.length] = freq;
      this.length++;
      return this;
    }
    const at = this.find(id);
    if (at >= 0) {
      this.data[this.start + this.capacity + at] = freq;
      return this;
    }
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
    this.rebuild(Math.max(1, this.length - 1), at, at);
    this.length--;
    return true;
  }

  clear(): void {
    this.rebuild(2, 0, -1);
    this.length = 0;
  }

  /** The ids and frequencies, for a snapshot. */
  arrays(): { ids: Int32Array; freqs: Int32Array } {
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

  private find(id: number): number {
    const at = this.insertionPoint(id);
    return at < this.length && this.data[this.start + at] === id ? at : -1;
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
      const { ids, freqs } = (postings as PackedPostings).arrays();
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
  const terms: string[] = [];
  let size = 0;
  for (const [, fields] of ms._index) {
    size += 1;
    for (const postings of fields.values()) size += 2 + 2 * postings.size;
  }
  const postings = new Int32Array(size);
  let at = 0;
  for (const [term, fields] of ms._index) {
    terms.push(term);
    postings[at++] = fields.size;
    for (const [fieldId, docs] of fields) {
      postings[at++] = fieldId;
      postings[at++] = docs.size;
      const packed = docs instanceof PackedPostings ? docs : PackedPostings.from(docs);
      const { ids, freqs } = packed.arrays();
      postings.set(ids, at);
      postings.set(freqs, at + docs.size);
      at += 2 * docs.size;
    }
  }
  return {
    documentCount: ms._documentCount,
    nextId: ms._nextId,
    dirtCount: ms._dirtCount,
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
  image.shortIds.forEach((shortId, i) => {
    const id = image.documentIds[i]!;
    ms._documentIds.set(shortId, id);
    idToShortId.set(id, shortId);
    ms._fieldLength.set(shortId, Array.from(image.fieldLengths.subarray(i * fieldCount, (i + 1) * fieldCount)));
  });
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
