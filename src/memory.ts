/**
 * One full garbage collection, when the process runs with --expose-gc (`npm start` does). Loading a large
 * index leaves hundreds of megabytes of scratch memory (the snapshot file as read, the parsed files);
 * collected at once, it goes back to the system now rather than whenever V8 next collects in full.
 */
export function releaseScratchMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
