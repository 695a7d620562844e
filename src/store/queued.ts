import { QUEUED_KEY } from './keys';
import type { JsonStore } from './kv';

/** Sources one queue-mode cron sent in its messages, held until the consumer attempted them. */
export interface QueuedEntry {
  /** When these sources were enqueued (ISO, the messages' `enqueuedAt`). */
  at: string;
  /** After this (ISO) they may be enqueued again even if no attempt was seen: the message was lost. */
  until: string;
  ids: string[];
}

/** `queued`: queue mode's hold list, written only by the cron, so it has one writer. */
export interface QueuedDoc {
  version: 1;
  entries: QueuedEntry[];
}

export const readQueued = (store: JsonStore) => store.getJson<QueuedDoc>(QUEUED_KEY);
export const writeQueued = (store: JsonStore, doc: QueuedDoc) => store.putJson(QUEUED_KEY, doc);
