import type { TestProject } from 'vitest/node';
// @ts-expect-error: a plain ES module script shared with `npm run demo`
import { startOrigin } from '../scripts/fixture-origin.mjs';

/** Starts the fixture portals on 127.0.0.1 for the tests; they read its URL with inject('origin'). */
export default async function setup(project: TestProject) {
  const origin = await startOrigin({ port: 0 });
  project.provide('origin', origin.url);
  return () => origin.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    origin: string;
  }
}
