// The scorecard's memory on this device: unsent changes (in order, one entry per record, the latest value wins), the
// last values the server confirmed, and the question timers. Everything lives in localStorage, so a reload, a crash or
// a reload while offline loses nothing. Each tab keeps its own queue (two tabs must not send each other's edits); a
// queue whose tab has gone quiet is adopted by the next tab that opens the scorecard.
(function () {
  'use strict';

  var memory = {};
  var storage = {
    get: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return Object.prototype.hasOwnProperty.call(memory, key) ? memory[key] : null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, value); } catch (e) { memory[key] = value; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { delete memory[key]; }
    },
    keys: function () {
      try { return Object.keys(window.localStorage); } catch (e) { return Object.keys(memory); }
    }
  };

  function readJson(key, fallback) {
    var raw = storage.get(key);
    if (!raw) { return fallback; }
    try { return JSON.parse(raw); } catch (e) { return fallback; }
  }

  function tabId() {
    var id = null;
    try { id = window.sessionStorage.getItem('pi.tab'); } catch (e) { /* no session storage: a fresh id each load */ }
    if (!id) {
      id = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
      try { window.sessionStorage.setItem('pi.tab', id); } catch (e) { /* ignored */ }
    }
    return id;
  }

  var QUIET_MS = 20000;

  function open(scorecardId) {
    var prefix = 'pi.sc.' + scorecardId + '.';
    var tab = tabId();
    var queueKey = prefix + 'q.' + tab;
    var beatKey = prefix + 'hb.' + tab;
    var ackedKey = prefix + 'acked';
    var timersKey = prefix + 'timers';
    var queue = readJson(queueKey, []);
    var stamp = queue.reduce(function (max, e) { return Math.max(max, e.stamp || 0); }, 0);

    function save() {
      if (queue.length === 0) { storage.remove(queueKey); } else { storage.set(queueKey, JSON.stringify(queue)); }
    }

    function beat() { storage.set(beatKey, String(Date.now())); }

    // Adopt the queues of tabs that closed (or crashed) before sending everything.
    storage.keys().forEach(function (key) {
      if (key.indexOf(prefix + 'q.') !== 0 || key === queueKey) { return; }
      var other = key.slice((prefix + 'q.').length);
      var lastBeat = Number(storage.get(prefix + 'hb.' + other) || 0);
      if (Date.now() - lastBeat < QUIET_MS) { return; }
      readJson(key, []).forEach(function (entry) {
        if (!queue.some(function (mine) { return mine.key === entry.key; })) {
          entry.stamp = ++stamp;
          queue.push(entry);
        }
      });
      storage.remove(key);
      storage.remove(prefix + 'hb.' + other);
    });
    save();
    beat();
    window.setInterval(beat, 5000);

    return {
      /** Unsent changes, oldest first. */
      pending: function () { return queue.slice(); },
      entry: function (key) {
        for (var i = 0; i < queue.length; i++) { if (queue[i].key === key) { return queue[i]; } }
        return null;
      },
      /** Records a change; a record already waiting keeps its place in the queue and takes the new value. */
      put: function (key, kind, target, data, base) {
        var existing = this.entry(key);
        var entry = { key: key, kind: kind, target: target, data: data, base: base, stamp: ++stamp, at: Date.now() };
        if (existing) { queue[queue.indexOf(existing)] = entry; } else { queue.push(entry); }
        save();
        return entry;
      },
      /** The server confirmed a write; drop the entry unless it changed again meanwhile (then re-base it). */
      confirm: function (key, sentStamp, newBase) {
        var existing = this.entry(key);
        if (!existing) { return; }
        if (existing.stamp === sentStamp) { queue.splice(queue.indexOf(existing), 1); } else { existing.base = newBase; }
        save();
      },
      rebase: function (key, newBase) {
        var existing = this.entry(key);
        if (existing) { existing.base = newBase; save(); }
      },
      drop: function (key) {
        var existing = this.entry(key);
        if (existing) { queue.splice(queue.indexOf(existing), 1); save(); }
      },
      acked: function () { return readJson(ackedKey, {}); },
      setAcked: function (key, data, version) {
        var all = readJson(ackedKey, {});
        all[key] = { data: data, version: version };
        storage.set(ackedKey, JSON.stringify(all));
      },
      /** Forgets confirmed values the server already reports (keeps the entries newer than what was loaded). */
      pruneAcked: function (isCurrent) {
        var all = readJson(ackedKey, {});
        Object.keys(all).forEach(function (key) { if (isCurrent(key, all[key].version)) { delete all[key]; } });
        if (Object.keys(all).length === 0) { storage.remove(ackedKey); } else { storage.set(ackedKey, JSON.stringify(all)); }
      },
      timers: function () { return readJson(timersKey, {}); },
      setTimers: function (timers) { storage.set(timersKey, JSON.stringify(timers)); },
      get: function (name) { return storage.get(prefix + name); },
      set: function (name, value) { storage.set(prefix + name, value); }
    };
  }

  window.ScorecardStore = {
    open: open,
    getSetting: function (key) { return storage.get(key); },
    setSetting: function (key, value) { storage.set(key, value); }
  };
})();
