// Monaco adds <style> elements at run time (themes, decorations) and has no nonce option: each gets the page's
// per-response CSP nonce, so the IDE needs no 'unsafe-inline'. Imported first, before monaco's modules run.
const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
const createElement = Document.prototype.createElement;
Document.prototype.createElement = function (this: Document, tagName: string, options?: ElementCreationOptions) {
  const element = createElement.call(this, tagName, options);
  // The property, not the attribute: the nonce stays out of the DOM's attributes (and CSS selectors).
  if (nonce && tagName.toLowerCase() === 'style') (element as HTMLStyleElement).nonce = nonce;
  return element;
} as typeof createElement;

// Monaco's workers: same-origin files built next to this script (worker-src 'self'), never a blob: or a CDN.
(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    const name = label === 'json' || label === 'graphql' ? label : 'editor';
    return new Worker(`/ide/${name}.worker.js`, { name: `${name}-worker` });
  },
};
