/** A worker thread of `toXlsxAll` (xlsx.ts): writes the workbooks of the datasets it receives. */
import { parentPort } from 'node:worker_threads';
import type { EditionDataset } from './types.ts';
import { toXlsx } from './xlsx.ts';

parentPort?.once('message', (datasets: EditionDataset[]) => {
  void Promise.all(datasets.map(toXlsx)).then((books) => parentPort?.postMessage(books, books.map((b) => b.buffer as ArrayBuffer)));
});
