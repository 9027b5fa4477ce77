// Keeps the interviewer's scorecard usable through a reload while offline: the scorecard page, its scripts and styles,
// and its last loaded JSON are answered from the network when possible and from this cache when not. Unsent changes are
// not kept here but in the page's own localStorage queue (js/scorecard-store.js), which is laid over the cached copy.
// Signing out empties the cache, so the next person on a shared tablet finds nothing.
'use strict';
var CACHE = 'peerinterview-scorecards-v1';
var PAGES = [/^\/Scorecards\/\d+$/, /^\/api\/v1\/scorecards\/\d+$/];
var ASSETS = [/^\/css\//, /^\/js\//];

function sameOrigin(url) { return url.origin === self.location.origin; }
function isPage(url) { return sameOrigin(url) && PAGES.some(function (re) { return re.test(url.pathname); }); }
function isAsset(url) { return sameOrigin(url) && ASSETS.some(function (re) { return re.test(url.pathname); }); }
function fromScorecard(request) {
  try { return /^\/Scorecards\/\d+$/.test(new URL(request.referrer).pathname); } catch (e) { return false; }
}

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name.indexOf('peerinterview-') === 0 && name !== CACHE; }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function keep(key, response) {
  if (!response || !response.ok || response.redirected || response.type !== 'basic') { return Promise.resolve(); }
  return caches.open(CACHE).then(function (cache) { return cache.put(key, response); });
}

function networkFirst(event, store) {
  var key = event.request.url;
  return fetch(event.request).then(function (response) {
    if (store) { event.waitUntil(keep(key, response.clone())); }
    return response;
  }, function (error) {
    return caches.match(key, { ignoreVary: true }).then(function (cached) {
      if (cached) { return cached; }
      throw error;
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method === 'POST' && sameOrigin(url) && url.pathname === '/Account/Logout') {
    event.waitUntil(caches.delete(CACHE));
    return;
  }
  if (request.method !== 'GET') { return; }
  if (isPage(url)) {
    event.respondWith(networkFirst(event, true));
  } else if (isAsset(url)) {
    event.respondWith(networkFirst(event, fromScorecard(request)));
  }
});

// The page asks for its own URL, its scorecard JSON and its scripts and styles to be kept as soon as the worker runs
// (the very first load happens before the worker controls the page).
self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type !== 'keep' || !Array.isArray(data.urls)) { return; }
  event.waitUntil(Promise.all(data.urls.map(function (path) {
    var url = new URL(path, self.location.origin);
    if (!isPage(url) && !isAsset(url)) { return null; }
    return fetch(url.href, { credentials: 'same-origin', cache: 'no-store' }).then(function (response) { return keep(url.href, response); }, function () { return null; });
  })));
});
