// selfhelp.js: the <selfhelp-widget> element and the `selfhelp` JavaScript API.
//
// This file keeps its name in every build; the build writes the names of the files it
// loads (which carry hashes) in place of the __NAMES__ below. It is a module: no inline
// script, no eval, no style attribute, so it runs under
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
import init, { initSync, Widget } from './__GLUE__';

const here = new URL('.', import.meta.url);
const WASM = new URL('__WASM__', here);
const STYLES = new URL('__CSS__', here).href;
const SEARCH_WASM = new URL('__SEARCH_WASM__', here);
// The single-file build (`cargo xtask dist --single-file`) carries everything in the
// page: the wasm's bytes, the styles' text and the site's files, decoded before this
// module runs. A served site leaves it unset and fetches them.
const inline = globalThis.selfhelpInline || null;
const EVENTS = ['ready', 'open', 'close', 'view', 'answer', 'resolved', 'escalated', 'submit', 'error'];
const ATTRIBUTES = ['bundle', 'mode', 'article', 'lang', 'theme', 'label', 'routing', 'support-email', 'offline'];
// The loader's own few words; everything else is the widget's (widget/src/i18n).
const WORDS = {
  en: { open: 'Get help', close: 'Close', stopped: 'Something went wrong and this help stopped working. Reload the page to start again.', noWasm: 'This help needs a browser with WebAssembly.', noStart: 'This help could not start: ' },
  fr: { open: 'Obtenir de l’aide', close: 'Fermer', stopped: 'Un problème est survenu et cette aide s’est arrêtée. Rechargez la page pour recommencer.', noWasm: 'Cette aide nécessite un navigateur avec WebAssembly.', noStart: 'Cette aide n’a pas pu démarrer : ' },
  ar: { open: 'الحصول على مساعدة', close: 'إغلاق', stopped: 'حدث خطأ وتوقفت هذه المساعدة. أعد تحميل الصفحة للبدء من جديد.', noWasm: 'تتطلب هذه المساعدة متصفحًا يدعم WebAssembly.', noStart: 'تعذّر بدء هذه المساعدة: ' },
};

let started = null;
/** Loads the wasm once for every widget of the page. */
function start() {
  if (!started) {
    if (typeof WebAssembly !== 'object') started = Promise.reject(new Error('no WebAssembly'));
    else if (inline) started = Promise.resolve().then(() => initSync({ module: inline.wasm }));
    else started = init({ module_or_path: WASM });
  }
  return started;
}

let searching = null;
/** The search engine, a module of its own loaded on a visitor's first search (a visit
 * that never searches never downloads it), then an engine on the index's root. */
function openSearch(root) {
  if (!searching) {
    searching = import('./__SEARCH_GLUE__').then(async (glue) => {
      if (inline) glue.initSync({ module: inline.searchWasm });
      else await glue.default({ module_or_path: SEARCH_WASM });
      return glue;
    });
    // A failed load (offline, say) is tried again on the next search.
    searching.catch(() => { searching = null; });
  }
  return searching.then((glue) => new glue.Engine(root));
}

/** The widget's stylesheet in a shadow root: linked, or carried by the page. */
function styles() {
  if (inline) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(inline.css);
    return { sheet };
  }
  return { link: element('link', '', { rel: 'stylesheet', href: STYLES }) };
}

const live = new Set();
let count = 0;

/** A WebAssembly trap (a stack overflow, an aborting panic) stops the shared instance:
 * every widget says so instead of freezing where it was. */
function onTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  for (const widget of live) widget.stopped(String(error));
}
if (typeof WebAssembly === 'object') {
  addEventListener('error', (event) => onTrap(event.error));
  addEventListener('unhandledrejection', (event) => onTrap(event.reason));
}

function words(lang) {
  return WORDS[(lang || '').split(/[-_]/)[0].toLowerCase()] || WORDS.en;
}

function element(tag, className, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

class SelfhelpWidget extends HTMLElement {
  static observedAttributes = ATTRIBUTES;

  #id;
  #shell = null;
  #mount = null;
  #dialog = null;
  #launcher = null;
  #opener = null;
  #widget = null;
  #queue = [];
  #handlers = new Map();
  #buildId = null;
  #handle = null;

  constructor() {
    super();
    this.#id = this.getAttribute('instance') || this.id || `selfhelp-${++count}`;
    this.attachShadow({ mode: 'open' });
  }

  /** The element's JavaScript handle (see `mount`). */
  get handle() {
    if (!this.#handle) {
      const self = this;
      this.#handle = Object.freeze({
        element: self,
        id: self.#id,
        open: (article, options = {}) => self.open(article, options),
        close: () => self.close(),
        reset: () => self.#send('reset', null),
        setPlaceholders: (values) => self.#send('placeholders', { ...values }),
        setOptions: (field, options) => self.#send('options', { field, options }),
        on: (name, handler) => self.#on(name, handler),
        destroy: () => self.remove(),
      });
    }
    return this.#handle;
  }

  connectedCallback() {
    live.add(this);
    if (!this.#shell) this.#build();
  }

  disconnectedCallback() {
    // Moved (removed and added again in the same task): keep everything.
    queueMicrotask(() => {
      if (this.isConnected) return;
      live.delete(this);
      this.#unmount();
      this.#shell = null;
      this.shadowRoot.replaceChildren();
    });
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#shell) return;
    if (name === 'article' && after) return this.open(after);
    if (['mode', 'label', 'lang'].includes(name)) return this.#rebuild();
    if (name === 'theme') return this.#theme();
    if (['bundle', 'routing', 'support-email'].includes(name)) return this.#rebuild();
  }

  /** Opens an article (and the dialog, in popup and launcher modes). */
  open(article, options = {}) {
    if (article) this.#send('open', { article: String(article), answers: options.answers || '' });
    if (this.#dialog && !this.#dialog.open) {
      this.#opener = deepActiveElement();
      this.#dialog.showModal();
      this.#dialog.querySelector('.sh-close')?.focus();
      this.#emit('open', '{}');
    } else if (!this.#dialog) {
      this.#emit('open', '{}');
    }
  }

  /** Closes the dialog (popup and launcher modes); focus returns to what opened it. */
  close() {
    if (this.#dialog?.open) this.#dialog.close();
    else if (!this.#dialog) this.#emit('close', '{}');
  }

  /** Says the widget stopped, after a trap. */
  stopped(why) {
    this.setAttribute('data-sh-panic', why.slice(0, 500));
    const root = this.#mount || this.shadowRoot;
    if (root.querySelector('.sh-panic')) return;
    const alert = element('div', 'sh-error sh-panic', { role: 'alert' });
    alert.append(element('p'));
    alert.firstChild.textContent = words(this.#lang()).stopped;
    root.prepend(alert);
  }

  #lang() {
    return this.getAttribute('lang') || this.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en';
  }

  #mode() {
    const mode = this.getAttribute('mode');
    return mode === 'popup' || mode === 'launcher' ? mode : 'inline';
  }

  #theme() {
    const theme = this.getAttribute('theme');
    this.#shell?.setAttribute('data-theme', ['light', 'dark'].includes(theme) ? theme : 'auto');
  }

  #build() {
    const root = this.shadowRoot;
    const say = words(this.#lang());
    const { sheet, link } = styles();
    if (sheet) root.adoptedStyleSheets = [sheet];
    root.replaceChildren(...(link ? [link] : []));
    this.#shell = element('div', 'sh-shell', { part: 'shell' });
    this.#theme();
    this.#mount = element('div', 'sh-mount', { part: 'root' });
    const mode = this.#mode();
    if (mode === 'inline') {
      this.#dialog = null;
      this.#shell.append(this.#mount);
    } else {
      this.#dialog = element('dialog', 'sh-dialog', { part: 'dialog', 'aria-modal': 'true', 'aria-label': this.getAttribute('label') || say.open });
      const bar = element('div', 'sh-dialog-bar');
      const close = element('button', 'sh-close', { type: 'button', part: 'close' });
      close.textContent = say.close;
      close.addEventListener('click', () => this.close());
      bar.append(close);
      this.#dialog.append(bar, this.#mount);
      this.#dialog.addEventListener('close', () => {
        this.#emit('close', '{}');
        const opener = this.#opener;
        this.#opener = null;
        if (opener && opener.isConnected) opener.focus();
      });
      // A click on the backdrop (outside the dialog's box) closes it too.
      this.#dialog.addEventListener('click', (event) => {
        if (event.target === this.#dialog) this.close();
      });
      this.#shell.append(this.#dialog);
      if (mode === 'launcher') {
        this.#launcher = element('button', 'sh-launcher', { type: 'button', part: 'launcher', 'aria-haspopup': 'dialog' });
        this.#launcher.textContent = this.getAttribute('label') || say.open;
        this.#launcher.addEventListener('click', () => this.open());
        this.#shell.append(this.#launcher);
      }
    }
    root.append(this.#shell);
    this.#start();
  }

  #rebuild() {
    this.#unmount();
    this.#build();
  }

  #start() {
    const mount = this.#mount;
    start().then(() => {
      if (mount !== this.#mount || !this.isConnected) return;
      const options = {
        bundle: new URL(this.getAttribute('bundle') || 'bundle.bin', this.getAttribute('bundle') ? document.baseURI : here).href,
        routing: this.getAttribute('routing') === 'hash' ? 'hash' : 'memory',
        storageKey: this.getAttribute('instance') || this.id || this.#id,
        article: this.getAttribute('article') || '',
        supportEmail: this.getAttribute('support-email') || '',
        lang: this.#lang(),
        files: inline ? inline.files : null,
        search: openSearch,
        dir: this.closest('[dir]')?.getAttribute('dir') || document.documentElement.dir || '',
      };
      this.#widget = new Widget(mount, options, (name, detail) => this.#emit(name, detail));
      for (const [name, value] of this.#queue.splice(0)) this.#widget.command(name, value);
    }, (error) => {
      const say = words(this.#lang());
      const message = element('p', 'sh-error', { role: 'alert' });
      message.textContent = String(error).includes('WebAssembly') ? say.noWasm : say.noStart + error;
      mount.replaceChildren(message);
      this.#emit('error', JSON.stringify({ message: message.textContent }));
    });
  }

  #unmount() {
    try {
      this.#widget?.destroy();
    } catch (error) {
      onTrap(error);
    }
    this.#widget = null;
  }

  /** A command now, or once the widget has started. */
  #send(name, value) {
    if (this.#widget) this.#widget.command(name, value);
    else this.#queue.push([name, value]);
  }

  #on(name, handler) {
    if (!EVENTS.includes(name) && name !== '*') throw new TypeError(`selfhelp: no event "${name}"`);
    const set = this.#handlers.get(name) || new Set();
    set.add(handler);
    this.#handlers.set(name, set);
    return () => set.delete(handler);
  }

  #emit(name, json) {
    let detail;
    try {
      detail = JSON.parse(json);
    } catch {
      detail = {};
    }
    if (name === 'ready') this.#buildId = detail.buildId;
    if ((name === 'view' || name === 'error') && this.hasAttribute('offline')) registerWorker();
    detail = { instanceId: this.#id, buildId: this.#buildId, articleId: null, ...detail, type: name };
    this.dispatchEvent(new CustomEvent(`selfhelp:${name}`, { bubbles: true, composed: true, detail }));
    for (const key of [name, '*']) {
      for (const handler of this.#handlers.get(key) || []) {
        try {
          handler(detail);
        } catch (error) {
          console.error(error);
        }
      }
    }
  }
}

/** The focused element, looking into shadow roots, to give focus back to later. */
function deepActiveElement() {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

let worker = null;
/** The service worker keeps the app and every file already fetched, for offline visits.
 * Registered once the first page shows: installing it fetches the app shell, which
 * must not compete with what the visitor waits for. */
function registerWorker() {
  if (worker || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  worker = true;
  // What this visit fetched before the worker controlled it: keep it too, said once.
  let kept = false;
  const keep = (w) => {
    if (!w || kept) return;
    kept = true;
    w.postMessage({
      keep: performance.getEntriesByType('resource').map((r) => r.name).filter((url) => url.startsWith(here.href)),
    });
  };
  setTimeout(() => {
    navigator.serviceWorker.register(new URL('sw.js', here), { scope: here.pathname }).then(() => {
      navigator.serviceWorker.ready.then((ready) => keep(ready.active));
    }, () => null);
  }, 0);
}

if (!customElements.get('selfhelp-widget')) customElements.define('selfhelp-widget', SelfhelpWidget);

/**
 * Mounts a widget into `element` (or makes `element` one, when it is a
 * `<selfhelp-widget>`) and returns its handle; calls on the handle made before the
 * widget has loaded are queued.
 */
export function mount(target, options = {}) {
  const widget = target instanceof SelfhelpWidget ? target : document.createElement('selfhelp-widget');
  const names = { supportEmail: 'support-email' };
  for (const [key, value] of Object.entries(options)) {
    const name = names[key] || key;
    if (ATTRIBUTES.includes(name) && value !== undefined && value !== null && value !== false) {
      widget.setAttribute(name, value === true ? '' : String(value));
    }
  }
  if (widget !== target) target.append(widget);
  const handle = widget.handle;
  for (const name of EVENTS) {
    const handler = options[`on${name[0].toUpperCase()}${name.slice(1)}`];
    if (typeof handler === 'function') handle.on(name, handler);
  }
  if (options.placeholders) handle.setPlaceholders(options.placeholders);
  return handle;
}

const api = Object.freeze({ mount, version: '__VERSION__' });
// Hosts that load this module late queue functions in `window.selfhelpQueue`; they run
// now, and any pushed later runs at once.
const queued = Array.isArray(window.selfhelpQueue) ? window.selfhelpQueue : [];
window.selfhelp = api;
window.selfhelpQueue = { push: (fn) => (typeof fn === 'function' ? fn(api) : undefined) };
for (const fn of queued) window.selfhelpQueue.push(fn);

export default api;
