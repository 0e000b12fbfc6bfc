/** A worker thread of `processChapters` (chapters.ts): processes one batch of chapters and returns the results. */
import { parentPort } from 'node:worker_threads';
import { processChapter, type WorkerRequest } from './chapters.ts';

parentPort?.once('message', (request: WorkerRequest) => {
  parentPort?.postMessage(request.jobs.map((job, i) => processChapter(job, request.bytes[i] ?? new Uint8Array(), request.vocabulaires)));
});
