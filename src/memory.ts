/**
 * Full garbage collection, when the process runs with --expose-gc (`npm start` does). Loading a large
 * index leaves hundreds of megabytes of scratch memory (the snapshot file as read, the parsed files);
 * collected now, it goes back to the system at once rather than whenever V8 next collects in full.
 */
export async function releaseScratchMemory(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return;
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
  gc(); // the memory of large buffers is handed back once a collection after the first finds them freed
}
