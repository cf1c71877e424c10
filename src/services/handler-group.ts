/**
 * Each capability exports the handlers for its own messages; the background
 * merges them into the one map the dispatcher needs. `Pick` keeps each group
 * honest: a handler for a key the protocol does not have, or with the wrong
 * payload or answer, does not compile.
 */
import type { Handlers } from '../messaging/server';
import type { MessageType } from '../messaging/protocol';

export type HandlerGroup<K extends MessageType> = Pick<Handlers, K>;
