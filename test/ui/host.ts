import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh `<div>` in the document for each test of the file (or describe block) that calls this, given to `take`
 * before the test, and unmounted and removed after it, so no Preact tree or listener outlives its test:
 * `let root: HTMLElement; useHost((el) => (root = el));`
 */
export function useHost(take: (el: HTMLElement) => void): void {
  let el: HTMLElement | undefined;
  beforeEach(() => {
    el = document.createElement('div');
    document.body.append(el);
    take(el);
  });
  afterEach(() => {
    if (!el) return;
    render(null, el);
    el.remove();
    el = undefined;
  });
}
