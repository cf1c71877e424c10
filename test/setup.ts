// Every unit test gets a fresh in-memory IndexedDB and a reset fake browser,
// so no test sees another's data.
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
