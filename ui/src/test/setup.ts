import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { endSession } from '../auth/session';
import { server } from './server';

// findBy* and waitFor wait for what the user would see; on a loaded machine (CI, or two suites
// at once) a first render can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no modal dialogs; these stand-ins toggle `open` the way the browser does.
HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};

// jsdom has no matchMedia; the system theme is light unless a test says otherwise.
window.matchMedia = (query: string) =>
  ({
    matches: false,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }) as unknown as MediaQueryList;

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  endSession(); // the token is module state: no test may inherit another's session
  localStorage.clear();
  delete document.documentElement.dataset.theme;
});
afterAll(() => {
  server.close();
});
