// sw.js: the service worker of a selfhelp site. It keeps the app and every site file a
// visitor has fetched, so an article visited once opens again offline.
//
// The app's files and the site's chunks are named by their bytes: once cached they are
// good forever (cache first). The entry (bundle.bin) and the page are asked for every
// time and served from the cache only when the network fails. A new build of the
// content (a new build id in the entry) starts a new cache and drops the old one; a new
// build of the app installs a new worker, which drops the old app's files.
const SHELL = __SHELL__;
const APP = 'selfhelp-app-__VERSION__';
const PAGES = 'selfhelp-pages';
const CONTENT = 'selfhelp-content-';
const NAMED = /\/(chunks|catalog|lookup|search)\/[0-9a-f]{16}\.bin$/;

/** Named by its bytes (a hash in its name): a copy from anywhere is the right one. */
const HASHED = /[-_./][0-9a-f]{16}(_bg)?\.[a-z]+$/;

/** Keeps its name from build to build: asked of the network every time. */
function keepsItsName(path) {
  return path.endsWith('/') || path.endsWith('.html') || path.endsWith('/selfhelp.js')
    || path.endsWith('/sw.js');
}

// The shell comes from the browser's HTTP cache where it can: the page that registered
// this worker fetched it a moment ago, and on a host that sends no cache headers a plain
// fetch would download all of it again. Files named by their bytes take any cached copy;
// the page and the loader take theirs only on a first install (they are the copies the
// page runs), and are revalidated when a new build of the app replaces a worker.
self.addEventListener('install', (event) => {
  const first = !self.registration.active;
  event.waitUntil((async () => {
    const cache = await caches.open(APP);
    await Promise.all(SHELL.map(async (name) => {
      const url = new URL(name, self.location);
      const reuse = HASHED.test(url.pathname) || (first && keepsItsName(url.pathname));
      const response = await fetch(url, { cache: reuse ? 'force-cache' : 'no-cache' });
      if (!response.ok) throw new Error(`${url.pathname}: ${response.status}`);
      await cache.put(url, response);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('selfhelp-app-') && key !== APP) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

/** The build id an entry names: after the magic, the header (two varints, the
 * generator, the kind), the entry's first field. */
function buildId(bytes) {
  let at = 8;
  const varint = () => {
    let value = 0;
    for (let shift = 0; at < bytes.length && shift < 35; shift += 7) {
      const byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    return value;
  };
  const string = () => {
    const length = varint();
    const text = new TextDecoder().decode(bytes.subarray(at, at + length));
    at += length;
    return text;
  };
  varint();
  varint();
  string();
  varint();
  return string();
}

async function contentCache() {
  const name = (await caches.keys()).find((key) => key.startsWith(CONTENT)) || `${CONTENT}first`;
  return caches.open(name);
}

/** A new build of the content: its files go in a fresh cache; the old one goes. */
async function startBuild(entry) {
  const id = buildId(new Uint8Array(await entry.arrayBuffer()));
  const name = CONTENT + id;
  for (const key of await caches.keys()) {
    if (key.startsWith(CONTENT) && key !== name) await caches.delete(key);
  }
  await caches.open(name);
}

/** A network that does not answer within this long counts as offline (a stalled
 * connection would otherwise hang the page). */
const PATIENCE = 4000;

function fetchInTime(request, options) {
  return Promise.race([
    fetch(request, options),
    new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), PATIENCE)),
  ]);
}

/** Work that outlives the answer (caching a copy): the answer does not wait for it;
 * `keep` (an event's waitUntil, or a list to await) holds the worker alive for it. */
function later(keep, work) {
  keep(work.catch(() => null));
}

async function networkFirst(request, isEntry, keep) {
  try {
    const response = await fetchInTime(request, { cache: 'no-cache' });
    if (response.ok) {
      const copy = response.clone();
      const entry = isEntry ? response.clone() : null;
      later(keep, (async () => {
        await (await caches.open(PAGES)).put(request, copy);
        if (entry) await startBuild(entry);
      })());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(request, { ignoreSearch: true })
      || (request.mode === 'navigate' ? await caches.match(self.registration.scope) : null);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request, keep) {
  const cached = await caches.match(request, { ignoreSearch: true });
  if (cached) return cached;
  // A file named by its bytes (nearly all that come here) takes any copy in the HTTP
  // cache, however old; the few others (the demo's files) follow the host's headers.
  const cacheMode = HASHED.test(new URL(request.url).pathname) ? 'force-cache' : 'default';
  const response = await fetchInTime(request, { cache: cacheMode });
  if (response.ok) {
    const copy = response.clone();
    later(keep, (async () => {
      const cache = NAMED.test(new URL(request.url).pathname) ? await contentCache() : await caches.open(APP);
      await cache.put(request, copy);
    })());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !url.href.startsWith(self.registration.scope)) return;
  const path = url.pathname;
  const revalidated = request.mode === 'navigate' || keepsItsName(path);
  const keep = (work) => event.waitUntil(work);
  if (path.endsWith('/bundle.bin')) event.respondWith(networkFirst(request, true, keep));
  else if (revalidated) event.respondWith(networkFirst(request, false, keep));
  else event.respondWith(cacheFirst(request, keep));
});

// What a page fetched before this worker controlled it: keep it as if fetched now. The
// entry goes first: it decides which build's cache the other files go in.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data && event.data.keep) ? event.data.keep : [];
  const isEntry = (href) => new URL(href).pathname.endsWith('/bundle.bin');
  const ordered = urls.filter(isEntry).concat(urls.filter((href) => !isEntry(href)));
  event.waitUntil((async () => {
    for (const href of ordered) {
      const url = new URL(href);
      if (!url.href.startsWith(self.registration.scope) || await caches.match(url)) continue;
      // One by one, each stored before the next: the entry's build names the cache the
      // others go in.
      const stored = [];
      const keep = (work) => stored.push(work);
      try {
        if (isEntry(href)) await networkFirst(new Request(url), true, keep);
        else if (NAMED.test(url.pathname)) await cacheFirst(new Request(url), keep);
        await Promise.all(stored);
      } catch {
        // Offline already: nothing more to keep.
      }
    }
  })());
});
