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
  private ids: Int32Array;
  private freqs: Int32Array;
  private length: number;

  constructor(ids: Int32Array = new Int32Array(2), freqs: Int32Array = new Int32Array(2), length = 0) {
    this.ids = ids;
    this.freqs = freqs;
    this.length = length;
  }

  static from(entries: Iterable<[number, number]>): PackedPostings {
    const sorted = [...entries].sort((a, b) => a[0] - b[0]);
    return new PackedPostings(Int32Array.from(sorted, ([id]) => id), Int32Array.from(sorted, ([, freq]) => freq), sorted.length);
  }

  get size(): number {
    return this.length;
  }

  /** The document ids, ascending. A view: a removal mid-iteration makes new arrays and leaves it intact. */
  keys(): IterableIterator<number> {
    return this.ids.subarray(0, this.length).values();
  }

  *entries(): IterableIterator<[number, number]> {
    const ids = this.ids;
    const freqs = this.freqs;
    for (let i = 0, n = this.length; i < n; i++) yield [ids[i]!, freqs[i]!];
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
    return at >= 0 ? this.freqs[at] : undefined;
  }

  set(id: number, freq: number): this {
    if (this.length === 0 || id > this.ids[this.length - 1]!) {
      if (this.length === this.ids.length) this.grow(Math.max(4, Math.ceil(this.length * 1.5)));
      this.ids[this.length] = id;
      this.freqs[this.length] = freq;
      this.length++;
      return this;
    }
    const at = this.find(id);
    if (at >= 0) {
      this.freqs[at] = freq;
      return this;
    }
    const before = this.insertionPoint(id);
    const ids = new Int32Array(this.length + 1);
    const freqs = new Int32Array(this.length + 1);
    ids.set(this.ids.subarray(0, before));
    freqs.set(this.freqs.subarray(0, before));
    ids[before] = id;
    freqs[before] = freq;
    ids.set(this.ids.subarray(before, this.length), before + 1);
    freqs.set(this.freqs.subarray(before, this.length), before + 1);
    this.ids = ids;
    this.freqs = freqs;
    this.length++;
    return this;
  }

  delete(id: number): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    const ids = new Int32Array(Math.max(2, this.length - 1));
    const freqs = new Int32Array(Math.max(2, this.length - 1));
    ids.set(this.ids.subarray(0, at));
    freqs.set(this.freqs.subarray(0, at));
    ids.set(this.ids.subarray(at + 1, this.length), at);
    freqs.set(this.freqs.subarray(at + 1, this.length), at);
    this.ids = ids;
    this.freqs = freqs;
    this.length--;
    return true;
  }

  clear(): void {
    this.ids = new Int32Array(2);
    this.freqs = new Int32Array(2);
    this.length = 0;
  }

  /** The ids and frequencies, for a snapshot. */
  arrays(): { ids: Int32Array; freqs: Int32Array } {
    return { ids: this.ids.subarray(0, this.length), freqs: this.freqs.subarray(0, this.length) };
  }

  private grow(capacity: number): void {
    const ids = new Int32Array(capacity);
    const freqs = new Int32Array(capacity);
    ids.set(this.ids.subarray(0, this.length));
    freqs.set(this.freqs.subarray(0, this.length));
    this.ids = ids;
    this.freqs = freqs;
  }

  private find(id: number): number {
    const at = this.insertionPoint(id);
    return at < this.length && this.ids[at] === id ? at : -1;
  }

  private insertionPoint(id: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.ids[middle]! < id) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

type Postings = Map<number, number> | PackedPostings;
/** The private parts of a minisearch 7 instance this module reads and writes. */
interface MiniSearchInternals {
  _index: { [Symbol.iterator](): IterableIterator<[string, Map<number, Postings>]>; set(term: string, value: Map<number, Postings>): void };
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _dirtCount: number;
}

const internals = <T>(miniSearch: MiniSearch<T>) => miniSearch as unknown as MiniSearchInternals;

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
      fields.set(fieldId, new PackedPostings(slab.subarray(at, at + n), slab.subarray(at + n, at + 2 * n), n));
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
  const idToShortId = (miniSearch as unknown as { _idToShortId: Map<string, number> })._idToShortId;
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
      fields.set(fieldId, new PackedPostings(postings.subarray(at, at + n), postings.subarray(at + n, at + 2 * n), n));
      at += 2 * n;
    }
    ms._index.set(term, fields);
  }
  return miniSearch;
}
