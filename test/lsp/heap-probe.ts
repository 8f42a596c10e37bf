// Preloaded (node --expose-gc --import) into the language server by the memory
// test only: on SIGUSR2, collect garbage and write process.memoryUsage() to
// $GONGWEN_HEAP_PROBE. Nothing of this is part of the server or its protocol.
import { writeFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const out = process.env.GONGWEN_HEAP_PROBE;
  if (out) writeFileSync(out, JSON.stringify(process.memoryUsage()));
});
