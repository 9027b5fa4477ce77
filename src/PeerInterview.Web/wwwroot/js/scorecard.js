// The interviewer's live scorecard (Pages/Scorecards/Index). Loads the scorecard from the API, renders it one question at
// a time or as the whole kit, and autosaves every change: one write in flight at a time, each carrying the version it
// was based on, queued on this device (scorecard-store.js) until the server confirms it. A stale write (409) is never
// resolved silently: the interviewer sees both versions and chooses. Only guidanceHtml and notesHtml (sanitised by the
// server's Markdown renderer) are inserted as HTML; everything else goes in as text.
(function () {
  'use strict';
  var root = document.getElementById('scorecard');
  if (!root || !window.ScorecardStore) { return; }

  var scorecardId = root.getAttribute('data-scorecard-id');
  var api = root.getAttribute('data-api');
  var store = window.ScorecardStore.open(scorecardId);
  var generic = {
    poor: root.getAttribute('data-generic-poor'),
    meets: root.getAttribute('data-generic-meets'),
    excellent: root.getAttribute('data-generic-excellent')
  };
  var LAYOUT_KEY = 'pi.scorecard.layout';
  var TEXT_DELAY = 600;
  var RETRY_MS = 5000;
  var RECOMMENDATIONS = { StrongNo: 'Strong no', No: 'No', Yes: 'Yes', StrongYes: 'Strong yes' };

  var $ = function (id) { return document.getElementById(id); };
  var els = {
    candidate: $('sc-candidate'), subtitle: $('sc-subtitle'), interviewLink: $('sc-interview-link'),
    clock: $('sc-interview-clock'), clockTarget: $('sc-interview-target'),
    progressText: $('sc-progress-text'), progressBar: $('sc-progress-bar'), save: $('sc-save'),
    viewOne: $('sc-view-one'), viewAll: $('sc-view-all'), helpOpen: $('sc-help-open'), help: $('sc-help'),
    banner: $('sc-banner'), loadError: $('sc-load-error'), nav: $('sc-nav'), items: $('sc-items'),
    pager: $('sc-pager'), prev: $('sc-prev'), next: $('sc-next'), pagerPos: $('sc-pager-pos'),
    overall: $('sc-overall'), globalFlags: $('sc-global-flags'), recommendation: $('sc-recommendation'),
    summary: $('sc-summary'), summaryHtml: $('sc-summary-html'), submit: $('sc-submit'), submitErrors: $('sc-submit-errors'),
    panel: $('sc-panel'), panelTable: $('sc-panel-table'), panelNote: $('sc-panel-note'),
    conflict: $('sc-conflict'), conflictWhat: $('sc-conflict-what'), conflictTheirs: $('sc-conflict-theirs'),
    conflictMine: $('sc-conflict-mine'), keepMine: $('sc-conflict-mine-button'), useTheirs: $('sc-conflict-theirs-button')
  };

  var view = null;
  var readOnly = false;
  var items = [];
  var itemEls = {};          // kitItemId -> { article, buttons, notes, notesHtml, navButton, flags: [] }
  var flagEls = {};          // red-flag key -> { row, box, evidence, evidenceText, itemIndex }
  var records = {};          // record key -> { key, kind, target, url, local, saved, version, notBefore, error, conflict }
  var current = 0;
  var layout = window.ScorecardStore.getSetting(LAYOUT_KEY) === 'all' ? 'all' : 'one';
  var offline = !navigator.onLine;
  var authLost = false;
  var pumping = false;
  var pumpTimer = null;
  var lastSavedAt = null;
  var conflicts = [];
  var shownConflict = null;

  // ---- small helpers -------------------------------------------------------------------------------------------

  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) { return; }
      if (name === 'text') { node.textContent = value; } else if (name === 'className') { node.className = value; } else { node.setAttribute(name, value === true ? '' : value); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function token() {
    var input = root.querySelector('input[name="__RequestVerificationToken"]');
    return input ? input.value : '';
  }

  function request(method, url, body) {
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? window.setTimeout(function () { controller.abort(); }, 15000) : null;
    var headers = { 'Accept': 'application/json', 'RequestVerificationToken': token() };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (timer) { window.clearTimeout(timer); }
      var type = response.headers.get('Content-Type') || '';
      var parse = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; }) : Promise.resolve(null);
      return parse.then(function (json) { return { status: response.status, ok: response.ok, json: json, redirected: response.redirected }; });
    }, function (error) {
      if (timer) { window.clearTimeout(timer); }
      throw error;
    });
  }

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function clockText(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    return (hours > 0 ? hours + ':' + pad(minutes) : String(minutes)) + ':' + pad(seconds % 60);
  }
  function timeOfDay(date) { return pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds()); }
  function when(iso) {
    if (!iso) { return ''; }
    var date = new Date(iso);
    return date.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  }
  function clip(text, length) {
    text = (text || '').replace(/\s+/g, ' ').trim();
    return text.length > length ? text.slice(0, length - 1) + '…' : text;
  }
  function isRated(rating) { return rating.value !== null && rating.value !== undefined || rating.notObserved === true; }
  function same(kind, a, b) { return JSON.stringify(fieldsOf(kind, a)) === JSON.stringify(fieldsOf(kind, b)); }

  // ---- records: what can be saved -----------------------------------------------------------------------------

  function fieldsOf(kind, source) {
    if (kind === 'rating') { return { value: source.value === undefined ? null : source.value, notObserved: !!source.notObserved, notes: source.notes || '' }; }
    if (kind === 'flag') { return { checked: !!source.checked, evidence: source.evidence || '' }; }
    return { recommendation: source.recommendation || null, summary: source.summary || '' };
  }

  function urlFor(kind, target) {
    if (kind === 'rating') { return api + '/ratings/' + encodeURIComponent(target); }
    if (kind === 'flag') { return api + '/red-flags/' + encodeURIComponent(target); }
    return api;
  }

  function addRecord(key, kind, target, source, version, acked) {
    var saved = fieldsOf(kind, source);
    if (acked[key] && acked[key].version > version) {
      // The loaded copy is older than what this device already saved (a cached copy read while offline).
      saved = fieldsOf(kind, acked[key].data);
      version = acked[key].version;
    }
    var record = { key: key, kind: kind, target: target, url: urlFor(kind, target), saved: saved, local: Object.assign({}, saved), version: version, notBefore: 0, error: null };
    var pending = view.state === 'Submitted' ? null : store.entry(key);
    if (pending) {
      // Unsent edits from before the reload win on screen; they are sent with the version they were based on.
      record.local = fieldsOf(kind, pending.data);
      record.version = pending.base;
    }
    records[key] = record;
    return record;
  }

  function ratingKey(kitItemId) { return 'r:' + kitItemId; }
  function flagKey(key) { return 'f:' + key; }

  function buildRecords() {
    records = {};
    var acked = store.acked();
    items.forEach(function (item) {
      addRecord(ratingKey(item.kitItemId), 'rating', item.kitItemId, item.rating, item.rating.version, acked);
      item.redFlags.forEach(function (flag) { addRecord(flagKey(flag.key), 'flag', flag.key, flag, flag.version, acked); });
    });
    view.globalRedFlags.forEach(function (flag) { addRecord(flagKey(flag.key), 'flag', flag.key, flag, flag.version, acked); });
    addRecord('c', 'card', null, view, view.version, acked);
    store.pruneAcked(function (key, version) { return !records[key] || records[key].version >= version && !store.entry(key); });
  }

  // ---- rendering ------------------------------------------------------------------------------------------------

  // The server resolves the anchor layers (question, competency, generic); a level filled from a lower layer than the
  // item's own is marked so nobody mistakes it for the question's.
  function anchorFor(item, level) {
    var index = level === 1 ? 0 : level === 3 ? 1 : 2;
    var own = level === 1 ? item.anchorPoor : level === 3 ? item.anchorMeets : item.anchorExcellent;
    var fallback = level === 1 ? generic.poor : level === 3 ? generic.meets : generic.excellent;
    var source = (item.anchorLevelSources && item.anchorLevelSources[index]) || (own ? 'question' : 'generic');
    return { text: own || fallback, generic: source === 'generic' && item.anchorSource !== 'generic', competency: source === 'competency' && item.anchorSource !== 'competency' };
  }

  var LEVEL_NAMES = { 1: 'Poor', 2: 'Between poor and meets', 3: 'Meets the standard', 4: 'Between meets and excellent', 5: 'Excellent' };

  function renderScale(item, index) {
    var buttons = {};
    var group = h('div', { className: 'sc-scale', role: 'group', 'aria-label': 'Rating for question ' + item.number });
    [1, 2, 3, 4, 5].forEach(function (level) {
      var anchor = level % 2 === 1 ? anchorFor(item, level) : null;
      var text = h('span', { className: 'sc-rate-text' }, [
        h('strong', { text: LEVEL_NAMES[level] }),
        anchor && anchor.generic ? h('span', { className: 'badge sc-generic', title: 'No anchor of its own at this level; the generic scale applies.', text: 'generic' }) : null,
        anchor && anchor.competency ? h('span', { className: 'badge sc-generic', title: 'No question anchor at this level; the competency anchor applies.', text: 'competency' }) : null,
        anchor ? h('span', { className: 'sc-anchor', text: anchor.text }) : null
      ]);
      var button = h('button', {
        type: 'button', className: 'sc-rate' + (anchor ? ' anchored' : ' between'), 'data-value': String(level), 'aria-pressed': 'false',
        'aria-keyshortcuts': String(level)
      }, [h('span', { className: 'sc-rate-num', text: String(level) }), text]);
      button.addEventListener('click', function () { rate(index, level); });
      buttons[level] = button;
      group.appendChild(button);
    });
    var notObserved = h('button', { type: 'button', className: 'sc-rate sc-not-observed', 'data-value': 'n', 'aria-pressed': 'false', 'aria-keyshortcuts': 'N' }, [
      h('span', { className: 'sc-rate-num', text: 'N' }),
      h('span', { className: 'sc-rate-text' }, [h('strong', { text: 'Not observed' }), h('span', { className: 'sc-anchor', text: 'The answer gave no evidence either way; left out of every score.' })])
    ]);
    notObserved.addEventListener('click', function () { rate(index, 'n'); });
    buttons.n = notObserved;
    group.appendChild(notObserved);
    return { group: group, buttons: buttons };
  }

  function renderFlag(flag, itemIndex) {
    var record = records[flagKey(flag.key)];
    var n = Object.keys(flagEls).length + 1;
    var boxId = 'sc-flag-' + n;
    var evidenceId = 'sc-flag-' + n + '-evidence';
    var box = h('input', { type: 'checkbox', id: boxId });
    var evidence = h('input', { type: 'text', id: evidenceId, className: 'sc-evidence', placeholder: 'What did you hear? (required)', autocomplete: 'off' });
    var evidenceText = h('p', { className: 'sc-readonly-text sc-evidence-text', hidden: true });
    var evidenceWrap = h('div', { className: 'sc-evidence-wrap' }, [h('label', { 'for': evidenceId, className: 'visually-hidden', text: 'Evidence for red flag: ' + flag.text }), evidence, evidenceText]);
    var row = h('li', { className: 'sc-flag' + (flag.severity === 'KnockOut' ? ' knockout' : '') }, [
      h('label', { className: 'check', 'for': boxId }, [box, h('span', { text: flag.text }), flag.severity === 'KnockOut' ? h('span', { className: 'badge danger', text: 'Knock-out' }) : h('span', { className: 'badge', text: 'Concern' })]),
      evidenceWrap
    ]);
    box.addEventListener('change', function () {
      edit(record, { checked: box.checked }, 0);
      if (box.checked) { evidence.focus(); }
    });
    evidence.addEventListener('input', function () { edit(record, { evidence: evidence.value }, TEXT_DELAY); });
    evidence.addEventListener('change', function () { flushSoon(record); });
    flagEls[flag.key] = { row: row, box: box, evidence: evidence, evidenceText: evidenceText, evidenceWrap: evidenceWrap, itemIndex: itemIndex, record: record };
    return row;
  }

  function renderItem(item, index) {
    var notesId = 'sc-notes-' + item.kitItemId;
    var scale = renderScale(item, index);
    var notes = h('textarea', { id: notesId, className: 'sc-notes', rows: '4', placeholder: 'What the candidate said and did: quotes, examples, actions. Markdown works.', 'aria-keyshortcuts': 'E' });
    var notesHtml = h('div', { className: 'md sc-readonly-text', hidden: true });
    var record = records[ratingKey(item.kitItemId)];
    notes.addEventListener('input', function () { edit(record, { notes: notes.value }, TEXT_DELAY); });
    notes.addEventListener('change', function () { flushSoon(record); });

    var guidance = h('div', { className: 'md sc-guidance-body' });
    var listenFor = item.listenFor || [];
    if (listenFor.length > 0) {
      guidance.appendChild(h('p', { className: 'sc-listen-head' }, [h('strong', { text: 'Listen for' })]));
      guidance.appendChild(h('ul', { className: 'sc-listen-for' }, listenFor.map(function (point) { return h('li', { text: point }); })));
    }
    if (item.guidanceHtml) {
      var advice = h('div', { className: 'sc-source-advice' });
      advice.innerHTML = item.guidanceHtml;
      guidance.appendChild(h('p', { className: 'sc-advice-head' }, [h('strong', { text: item.guidanceIsSourceAdvice ? 'What a strong answer covers (from the source\'s advice to candidates)' : 'Guidance' })]));
      guidance.appendChild(advice);
    }
    if (listenFor.length === 0 && !item.guidanceHtml) { guidance.appendChild(h('p', { className: 'muted', text: 'No guidance for this question.' })); }
    var guidanceBox = h('details', { className: 'sc-guidance', open: window.ScorecardStore.getSetting('pi.scorecard.guidance') !== 'closed' }, [
      h('summary', { text: 'Guidance — what to listen for' }), guidance
    ]);
    guidanceBox.addEventListener('toggle', function () { window.ScorecardStore.setSetting('pi.scorecard.guidance', guidanceBox.open ? 'open' : 'closed'); });

    var flagList = h('ul', { className: 'sc-flag-list' });
    item.redFlags.forEach(function (flag) { flagList.appendChild(renderFlag(flag, index)); });
    var timer = h('span', { className: 'sc-item-clock' });
    var article = h('article', { className: 'sc-item', id: 'sc-item-' + item.kitItemId, tabindex: '-1', 'aria-labelledby': 'sc-q-' + item.kitItemId, 'data-index': String(index) }, [
      h('header', { className: 'sc-item-head' }, [
        h('p', { className: 'sc-item-meta' }, [
          h('span', { className: 'sc-item-number', text: 'Question ' + item.number + ' of ' + items.length }),
          h('span', { className: 'sc-dot', 'aria-hidden': 'true', text: '·' }),
          h('span', { text: item.section }),
          h('span', { className: 'sc-dot', 'aria-hidden': 'true', text: '·' }),
          h('span', { className: 'comp', title: item.competencyName, text: item.competencyCode }),
          h('span', { className: 'sc-comp-name', text: item.competencyName })
        ]),
        h('p', { className: 'sc-item-timer', title: 'Time on this question' }, [timer, h('span', { className: 'muted', text: ' of ' + item.minutes + ' min' })])
      ]),
      h('h2', { className: 'sc-question', id: 'sc-q-' + item.kitItemId, text: item.question }),
      h('div', { className: 'sc-item-body' }, [
        h('div', { className: 'sc-score' }, [h('p', { className: 'sc-anchor-source muted small', 'data-anchor-source': item.anchorSource || '', text: item.anchorSourceText || '' }), scale.group]),
        h('div', { className: 'sc-notes-box' }, [
          h('label', { 'for': notesId }, ['Evidence notes ', h('span', { className: 'muted small', text: '(needed for a 1 or a 5)' })]),
          notes, notesHtml
        ]),
        guidanceBox,
        item.redFlags.length ? h('fieldset', { className: 'sc-flags' }, [h('legend', { text: 'Red flags for this question' }), flagList]) : null
      ])
    ]);
    article.addEventListener('focusin', function () { if (current !== index) { setCurrent(index, { scroll: false }); } });
    article.addEventListener('pointerdown', function () { if (current !== index) { setCurrent(index, { scroll: false }); } });

    var navButton = h('button', { type: 'button', className: 'sc-nav-item', text: String(item.number) });
    navButton.addEventListener('click', function () { setCurrent(index, { scroll: true, focus: true }); });
    els.nav.appendChild(navButton);
    itemEls[item.kitItemId] = { article: article, buttons: scale.buttons, notes: notes, notesHtml: notesHtml, navButton: navButton, timer: timer };
    return article;
  }

  function renderAll() {
    els.items.textContent = '';
    els.nav.textContent = '';
    els.globalFlags.textContent = '';
    itemEls = {};
    flagEls = {};
    var fragment = document.createDocumentFragment();
    items.forEach(function (item, index) { fragment.appendChild(renderItem(item, index)); });
    els.items.appendChild(fragment);
    view.globalRedFlags.forEach(function (flag) { els.globalFlags.appendChild(renderFlag(flag, -1)); });
    if (view.globalRedFlags.length === 0) { els.globalFlags.appendChild(h('li', { className: 'muted', text: 'None for this kit.' })); }

    document.title = 'Scorecard · ' + view.candidateName + ' · PeerInterview';
    els.candidate.textContent = view.candidateName;
    els.subtitle.textContent = view.positionTitle + ' · ' + view.kitName + ' v' + view.kitVersionNumber + ' · ' + when(view.scheduledAt);
    els.interviewLink.textContent = view.candidateName;
    els.interviewLink.href = '/Interviews/' + view.interviewId;
    els.clockTarget.textContent = 'of ' + view.interviewMinutes + ' min';
    els.nav.hidden = false;
    els.overall.hidden = false;
    Object.keys(records).forEach(function (key) { showRecord(records[key]); });
    renderState();
    applyLayout();
    updateProgress();
    root.setAttribute('aria-busy', 'false');
  }

  /** Puts a record's local values on screen. A field being typed in is never overwritten under the cursor. */
  function showRecord(record) {
    var local = record.local;
    if (record.kind === 'rating') {
      var parts = itemEls[record.target];
      if (!parts) { return; }
      [1, 2, 3, 4, 5].forEach(function (level) { parts.buttons[level].setAttribute('aria-pressed', String(local.value === level)); });
      parts.buttons.n.setAttribute('aria-pressed', String(!!local.notObserved && local.value === null));
      if (parts.notes.value !== local.notes && document.activeElement !== parts.notes) { parts.notes.value = local.notes; }
      var state = local.notObserved && local.value === null ? 'n/o' : local.value ? String(local.value) : '';
      parts.navButton.setAttribute('data-rated', state ? 'true' : 'false');
      parts.navButton.setAttribute('aria-label', 'Question ' + parts.navButton.textContent + (state ? ', rated ' + (state === 'n/o' ? 'not observed' : state) : ', not rated yet'));
      parts.navButton.title = state ? (state === 'n/o' ? 'Not observed' : 'Rated ' + state) : 'Not rated yet';
    } else if (record.kind === 'flag') {
      var flag = flagEls[record.target];
      if (!flag) { return; }
      flag.box.checked = !!local.checked;
      flag.row.classList.toggle('checked', !!local.checked);
      flag.evidenceWrap.hidden = !local.checked && !local.evidence;
      if (flag.evidence.value !== local.evidence && document.activeElement !== flag.evidence) { flag.evidence.value = local.evidence; }
    } else {
      els.recommendation.querySelectorAll('[data-rec]').forEach(function (button) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-rec') === local.recommendation));
      });
      if (els.summary.value !== local.summary && document.activeElement !== els.summary) { els.summary.value = local.summary; }
    }
  }

  function updateProgress() {
    if (!view) { return; }
    var rated = items.filter(function (item) { return isRated(records[ratingKey(item.kitItemId)].local); }).length;
    els.progressText.textContent = rated + ' of ' + items.length + ' rated';
    els.progressBar.max = items.length || 1;
    els.progressBar.value = rated;
  }

  function renderState() {
    readOnly = view.state === 'Submitted';
    root.classList.toggle('read-only', readOnly);
    var controls = root.querySelectorAll('.sc-items button.sc-rate, .sc-items input, .sc-items textarea, #sc-global-flags input, #sc-recommendation button, #sc-summary');
    controls.forEach(function (control) { control.disabled = readOnly; });
    els.submit.hidden = readOnly;
    els.submit.parentElement.hidden = readOnly;
    els.banner.textContent = '';
    els.banner.className = 'sc-banner';
    if (readOnly) {
      els.banner.hidden = false;
      els.banner.classList.add('submitted');
      els.banner.appendChild(h('p', {}, [h('strong', { text: 'Submitted' + (view.submittedAt ? ' ' + when(view.submittedAt) : '') + '.' }), ' Your scorecard is locked. A hiring manager can reopen it with a reason if something needs correcting.']));
      items.forEach(function (item) {
        var parts = itemEls[item.kitItemId];
        var html = item.rating.notesHtml || '';
        parts.notes.hidden = true;
        parts.notesHtml.hidden = false;
        if (html) { parts.notesHtml.innerHTML = html; } else { parts.notesHtml.textContent = ''; parts.notesHtml.appendChild(h('p', { className: 'muted', text: 'No notes.' })); }
      });
      Object.keys(flagEls).forEach(function (key) {
        var flag = flagEls[key];
        flag.evidence.hidden = true;
        flag.evidenceText.hidden = !flag.record.local.evidence;
        flag.evidenceText.textContent = flag.record.local.evidence;
      });
      els.summary.hidden = true;
      els.summaryHtml.hidden = false;
      els.summaryHtml.textContent = view.summary || '';
      if (!view.summary) { els.summaryHtml.appendChild(h('p', { className: 'muted', text: 'No summary.' })); }
      renderPanel();
    } else if (view.state === 'Reopened') {
      els.banner.hidden = false;
      els.banner.classList.add('reopened');
      els.banner.appendChild(h('p', {}, [h('strong', { text: 'Reopened by a hiring manager.' }), view.reopenReason ? ' Reason: ' + view.reopenReason + '. ' : ' ', 'Make your corrections and submit again; every change is recorded.']));
    } else {
      els.banner.hidden = true;
    }
    saveStatus();
  }

  function ratingText(rating) {
    if (!rating) { return '–'; }
    if (rating.notObserved && (rating.value === null || rating.value === undefined)) { return 'n/o'; }
    return rating.value ? String(rating.value) : '–';
  }

  function renderPanel() {
    var panel = view.panel;
    if (!panel) { els.panel.hidden = true; return; }
    var columns = panel.slice();
    if (!columns.some(function (member) { return String(member.scorecardId) === String(view.id); })) {
      // The owner's own scorecard leads, so the comparison starts from what you wrote.
      columns.unshift({
        scorecardId: view.id, interviewerName: view.interviewerName || 'You', submittedAt: view.submittedAt, recommendation: view.recommendation, summary: view.summary,
        ratings: items.map(function (item) { return { kitItemId: item.kitItemId, value: item.rating.value, notObserved: item.rating.notObserved, notes: item.rating.notes }; }),
        redFlags: items.reduce(function (all, item) { return all.concat(item.redFlags); }, view.globalRedFlags.slice()).filter(function (f) { return f.checked; })
      });
    }
    var table = els.panelTable;
    table.textContent = '';
    var headRow = h('tr', {}, [h('th', { scope: 'col', text: 'Question' })]);
    columns.forEach(function (member) {
      var mine = String(member.scorecardId) === String(view.id);
      headRow.appendChild(h('th', { scope: 'col' }, [member.interviewerName + (mine ? ' (you)' : ''), h('div', { className: 'muted small', text: member.submittedAt ? 'submitted ' + when(member.submittedAt) : '' })]));
    });
    table.appendChild(h('thead', {}, [headRow]));
    var body = h('tbody');
    items.forEach(function (item) {
      var row = h('tr', {}, [h('th', { scope: 'row' }, [h('span', { className: 'sc-panel-num', text: item.number + '. ' }), clip(item.question, 110), ' ', h('span', { className: 'comp', text: item.competencyCode })])]);
      var values = [];
      columns.forEach(function (member) {
        var rating = member.ratings.filter(function (r) { return r.kitItemId === item.kitItemId; })[0];
        var text = ratingText(rating);
        if (/^[1-5]$/.test(text)) { values.push(Number(text)); }
        row.appendChild(h('td', {}, [
          h('span', { className: 'sc-panel-value' + (text === 'n/o' ? ' muted' : ''), 'data-value': text, text: text }),
          rating && rating.notes ? h('div', { className: 'sc-panel-notes', text: rating.notes }) : null
        ]));
      });
      if (values.length > 1 && Math.max.apply(null, values) - Math.min.apply(null, values) >= 2) {
        row.classList.add('spread');
        row.firstChild.appendChild(h('span', { className: 'badge warn', title: 'Ratings differ by two points or more', text: 'discuss' }));
      }
      body.appendChild(row);
    });
    var flagsRow = h('tr', { className: 'sc-panel-extra' }, [h('th', { scope: 'row', text: 'Red flags ticked' })]);
    var recRow = h('tr', { className: 'sc-panel-extra' }, [h('th', { scope: 'row', text: 'Recommendation' })]);
    var summaryRow = h('tr', { className: 'sc-panel-extra' }, [h('th', { scope: 'row', text: 'Summary' })]);
    columns.forEach(function (member) {
      var flags = member.redFlags || [];
      flagsRow.appendChild(h('td', {}, flags.length ? [h('ul', { className: 'sc-panel-flags' }, flags.map(function (flag) {
        return h('li', {}, [h('strong', { text: flag.text }), flag.evidence ? h('div', { className: 'small', text: flag.evidence }) : null]);
      }))] : [h('span', { className: 'muted', text: 'None' })]));
      recRow.appendChild(h('td', {}, [h('span', { className: 'badge sc-rec-' + (member.recommendation || 'none'), text: RECOMMENDATIONS[member.recommendation] || '–' })]));
      summaryRow.appendChild(h('td', { className: 'sc-panel-notes', text: member.summary || '' }));
    });
    body.appendChild(flagsRow);
    body.appendChild(recRow);
    body.appendChild(summaryRow);
    table.appendChild(body);
    els.panelNote.textContent = columns.length < 2
      ? 'No one else on the panel has submitted yet. Their scorecards appear here once they do (reload to check).'
      : columns.length + ' submitted scorecards, side by side. “n/o” is not observed; “discuss” marks ratings two or more points apart.';
    els.panel.hidden = false;
  }

  // ---- layout and navigation -------------------------------------------------------------------------------------

  function applyLayout() {
    root.classList.toggle('layout-all', layout === 'all');
    root.classList.toggle('layout-one', layout === 'one');
    els.viewOne.setAttribute('aria-pressed', String(layout === 'one'));
    els.viewAll.setAttribute('aria-pressed', String(layout === 'all'));
    items.forEach(function (item, index) { itemEls[item.kitItemId].article.hidden = layout === 'one' && index !== current; });
    els.pager.hidden = layout !== 'one' || items.length === 0;
    markCurrent();
  }

  function setLayout(next) {
    layout = next;
    window.ScorecardStore.setSetting(LAYOUT_KEY, layout);
    applyLayout();
    if (layout === 'all') { scrollToCurrent(); }
  }

  function markCurrent() {
    items.forEach(function (item, index) {
      var parts = itemEls[item.kitItemId];
      parts.article.classList.toggle('current', index === current);
      if (index === current) { parts.navButton.setAttribute('aria-current', 'step'); } else { parts.navButton.removeAttribute('aria-current'); }
    });
    els.prev.disabled = current <= 0;
    els.next.disabled = current >= items.length - 1;
    els.pagerPos.textContent = items.length ? (current + 1) + ' of ' + items.length : '';
    renderItemClock();
  }

  function scrollToCurrent() {
    var item = items[current];
    if (!item) { return; }
    var article = itemEls[item.kitItemId].article;
    if (layout === 'all') {
      article.scrollIntoView({ block: 'start', behavior: 'auto' });
    } else {
      if (article.getBoundingClientRect().top < 0) { els.nav.scrollIntoView({ block: 'start' }); }
    }
  }

  function setCurrent(index, options) {
    if (index < 0 || index >= items.length) { return; }
    var changed = index !== current;
    current = index;
    store.set('current', String(items[index].kitItemId));
    if (layout === 'one') { applyLayout(); } else { markCurrent(); }
    if (options && options.scroll) { scrollToCurrent(); }
    if (options && options.focus) { itemEls[items[index].kitItemId].article.focus({ preventScroll: layout === 'all' ? false : true }); }
    if (changed) { reportPosition(); }
  }

  // Which question is on screen, for the hiring manager's live progress (throttled; never a score).
  var positionTimer = null;
  var positionSent = null;
  function reportPosition() {
    if (readOnly || !items[current]) { return; }
    window.clearTimeout(positionTimer);
    positionTimer = window.setTimeout(function () {
      var kitItemId = items[current].kitItemId;
      if (positionSent === kitItemId || offline) { return; }
      request('PUT', api + '/position', { kitItemId: kitItemId }).then(function (result) {
        if (result.ok) { positionSent = kitItemId; }
      }, function () { /* a missed position is harmless; the next move sends it again */ });
    }, 1000);
  }

  // In the whole-kit list, the question at the top of the screen becomes current as the interviewer scrolls.
  var scrollTimer = null;
  window.addEventListener('scroll', function () {
    if (layout !== 'all' || !view) { return; }
    window.clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(function () {
      var article = itemEls[items[current].kitItemId].article;
      var box = article.getBoundingClientRect();
      if (box.bottom > 80 && box.top < window.innerHeight * 0.6) { return; }
      for (var i = 0; i < items.length; i++) {
        var r = itemEls[items[i].kitItemId].article.getBoundingClientRect();
        if (r.bottom > 120) { setCurrent(i, {}); return; }
      }
    }, 150);
  }, { passive: true });

  // ---- timers ----------------------------------------------------------------------------------------------------

  var itemSeconds = store.timers();
  var openedAt = Date.now();
  var stored = Number(store.get('opened') || 0);
  if (stored && Date.now() - stored < 12 * 3600 * 1000) { openedAt = stored; } else { store.set('opened', String(openedAt)); }

  function renderItemClock() {
    var item = items[current];
    if (!item) { return; }
    var parts = itemEls[item.kitItemId];
    var seconds = itemSeconds[item.kitItemId] || 0;
    parts.timer.textContent = clockText(seconds);
    parts.timer.parentElement.classList.toggle('over', seconds > item.minutes * 60);
  }

  function tick() {
    if (!view) { return; }
    var start = openedAt;
    if (view.startedAt) { start = Math.min(start, new Date(view.startedAt).getTime()); }
    var elapsed = (Date.now() - start) / 1000;
    els.clock.textContent = clockText(elapsed);
    els.clock.parentElement.classList.toggle('over', elapsed > view.interviewMinutes * 60);
    if (!readOnly && document.visibilityState !== 'hidden' && items[current]) {
      var id = items[current].kitItemId;
      itemSeconds[id] = (itemSeconds[id] || 0) + 1;
      if (itemSeconds[id] % 5 === 0) { store.setTimers(itemSeconds); }
    }
    renderItemClock();
  }

  // ---- editing and autosave --------------------------------------------------------------------------------------

  function edit(record, patch, delay) {
    if (readOnly) { return; }
    Object.assign(record.local, patch);
    record.error = null;
    record.notBefore = Date.now() + delay;
    store.put(record.key, record.kind, record.target, Object.assign({}, record.local), record.version);
    showRecord(record);
    if (record.kind === 'rating') { updateProgress(); }
    saveStatus();
    schedulePump(delay);
  }

  function flushSoon(record) {
    if (store.entry(record.key)) { record.notBefore = 0; schedulePump(0); }
  }

  function rate(index, level) {
    if (readOnly || !items[index]) { return; }
    var record = records[ratingKey(items[index].kitItemId)];
    var patch = level === 'n' ? { value: null, notObserved: true } : { value: level, notObserved: false };
    if (current !== index) { setCurrent(index, {}); }
    edit(record, patch, 0);
  }

  function schedulePump(delay) {
    window.clearTimeout(pumpTimer);
    pumpTimer = window.setTimeout(pump, Math.max(0, delay || 0));
  }

  function nextReady() {
    var now = Date.now();
    var wait = null;
    var pending = store.pending();
    for (var i = 0; i < pending.length; i++) {
      var record = records[pending[i].key];
      if (!record) { continue; }
      if (record.error || record.conflict) { continue; }
      if (record.notBefore > now) { wait = wait === null ? record.notBefore - now : Math.min(wait, record.notBefore - now); continue; }
      return { entry: pending[i], record: record };
    }
    return { wait: wait };
  }

  /** Sends queued changes one at a time, oldest first, each with the version its edit was based on. */
  function pump() {
    if (pumping || !view || readOnly) { return; }
    var next = nextReady();
    if (!next.entry) {
      if (next.wait !== null) { schedulePump(next.wait); }
      saveStatus();
      return;
    }
    pumping = true;
    saveStatus();
    var record = next.record;
    var entry = next.entry;
    var body = Object.assign({}, entry.data, { version: entry.base });
    request('PUT', record.url, body).then(function (result) {
      pumping = false;
      offline = false;
      if (result.ok) {
        authLost = false;
        var saved = fieldsOf(record.kind, result.json || entry.data);
        record.saved = saved;
        record.version = result.json ? result.json.version : entry.base + 1;
        store.setAcked(record.key, saved, record.version);
        store.confirm(record.key, entry.stamp, record.version);
        if (!store.entry(record.key)) {
          record.local = Object.assign({}, saved);
          showRecord(record);
        }
        lastSavedAt = new Date();
        pump();
      } else if (result.status === 409) {
        onConflict(record, result.json);
        pump();
      } else if (result.status === 401 || result.status === 403 || result.redirected) {
        authLost = true;
        saveStatus();
        schedulePump(RETRY_MS);
      } else if (result.status >= 500 || result.status === 429) {
        record.notBefore = Date.now() + RETRY_MS;
        saveStatus('The server could not save just now — will retry.');
        schedulePump(RETRY_MS);
      } else {
        // Not retryable as it stands (for example the scorecard was submitted in another tab). Keep the text on
        // this device and say so; the next edit of this field tries again.
        record.error = problemText(result.json) || ('The server refused the change (' + result.status + ').');
        saveStatus();
        if (result.status === 404 || /submitted/i.test(record.error)) { refreshFromServer(); }
        pump();
      }
    }, function () {
      pumping = false;
      offline = true;
      saveStatus();
      schedulePump(RETRY_MS);
    });
  }

  function problemText(problem) {
    if (!problem) { return ''; }
    if (problem.errors) {
      var first = Object.keys(problem.errors)[0];
      if (first) { return [].concat(problem.errors[first])[0]; }
    }
    return problem.detail || problem.title || '';
  }

  function pendingCount() { return store.pending().length; }

  function saveStatus(message) {
    var state;
    var text;
    var errors = Object.keys(records).filter(function (key) { return records[key].error; });
    if (!view) { return; }
    if (readOnly) {
      state = 'locked'; text = 'Submitted — read-only';
    } else if (conflicts.length || shownConflict) {
      state = 'conflict'; text = 'Changed elsewhere — choose which version to keep';
    } else if (offline) {
      state = 'offline'; text = 'Offline — changes kept on this device, will retry';
    } else if (authLost) {
      state = 'offline'; text = 'Signed out — changes kept on this device. Sign in again in another tab; they will be sent.';
    } else if (errors.length) {
      state = 'error'; text = 'Not saved: ' + records[errors[0]].error;
    } else if (message) {
      state = 'error'; text = message;
    } else if (pendingCount() > 0) {
      state = 'saving'; text = 'Saving…';
    } else if (lastSavedAt) {
      state = 'saved'; text = 'Saved at ' + timeOfDay(lastSavedAt);
    } else {
      state = 'idle'; text = 'Changes save automatically';
    }
    if (els.save.getAttribute('data-state') !== state || els.save.textContent !== text) {
      els.save.setAttribute('data-state', state);
      els.save.textContent = text;
    }
  }

  // ---- conflicts -------------------------------------------------------------------------------------------------

  function onConflict(record, problem) {
    var current = problem && problem.current;
    if (!current) {
      record.error = problemText(problem) || 'Changed elsewhere.';
      refreshFromServer();
      return;
    }
    var theirs = fieldsOf(record.kind, current);
    if (same(record.kind, theirs, record.local)) {
      // The other write already says exactly this (for example our own write whose answer was lost): nothing to choose.
      record.saved = theirs;
      record.version = current.version;
      store.setAcked(record.key, theirs, current.version);
      store.drop(record.key);
      lastSavedAt = new Date();
      return;
    }
    record.conflict = { fields: theirs, version: current.version };
    conflicts.push(record);
    showNextConflict();
  }

  function describe(record, fields) {
    if (record.kind === 'rating') {
      var value = fields.notObserved && fields.value === null ? 'Not observed' : fields.value ? String(fields.value) : 'Not rated';
      return value + (fields.notes ? ', notes “' + clip(fields.notes, 240) + '”' : ', no notes');
    }
    if (record.kind === 'flag') {
      return (fields.checked ? 'Ticked' : 'Not ticked') + (fields.evidence ? ', evidence “' + clip(fields.evidence, 240) + '”' : '');
    }
    return 'Recommendation: ' + (RECOMMENDATIONS[fields.recommendation] || 'none') + (fields.summary ? ', summary “' + clip(fields.summary, 240) + '”' : '');
  }

  /** [what it is, the words that identify it] for the conflict dialog. */
  function whatOf(record) {
    if (record.kind === 'rating') {
      var item = items.filter(function (i) { return i.kitItemId === record.target; })[0];
      return ['Your rating of question ' + item.number, item.question];
    }
    if (record.kind === 'flag') {
      var flag = flagEls[record.target];
      return ['A red flag', flag ? flag.row.querySelector('label span').textContent : record.target];
    }
    return ['Your overall recommendation and summary', ''];
  }

  // A dialog that opens mid-sentence would swallow the keystrokes (and a space could press a button), so it waits
  // for a pause in typing; the save status already says a choice is waiting.
  var lastTypedAt = 0;
  var conflictTimer = null;
  root.addEventListener('input', function (event) { if (isTyping(event.target)) { lastTypedAt = Date.now(); } });

  function showNextConflict() {
    if (shownConflict || conflicts.length === 0) { saveStatus(); return; }
    var quietFor = Date.now() - lastTypedAt;
    if (isTyping(document.activeElement) && quietFor < 1500) {
      saveStatus();
      window.clearTimeout(conflictTimer);
      conflictTimer = window.setTimeout(showNextConflict, 1500 - quietFor);
      return;
    }
    shownConflict = conflicts.shift();
    var record = shownConflict;
    var what = whatOf(record);
    els.conflictWhat.textContent = '';
    els.conflictWhat.appendChild(h('strong', { text: what[0] }));
    els.conflictWhat.appendChild(document.createTextNode(' was changed in another tab or on another device after this page loaded it.'));
    if (what[1]) { els.conflictWhat.appendChild(h('span', { className: 'sc-conflict-subject', text: clip(what[1], 160) })); }
    els.conflictTheirs.textContent = describe(record, record.conflict.fields);
    els.conflictMine.textContent = describe(record, record.local);
    if (record.kind === 'rating') {
      var index = items.map(function (i) { return i.kitItemId; }).indexOf(record.target);
      if (index >= 0) { setCurrent(index, { scroll: true }); }
    }
    saveStatus();
    if (!els.conflict.open) { els.conflict.showModal(); }
  }

  function resolveConflict(keepMine) {
    var record = shownConflict;
    if (!record) { return; }
    var theirs = record.conflict;
    record.conflict = null;
    record.version = theirs.version;
    if (keepMine) {
      store.rebase(record.key, theirs.version);
      record.notBefore = 0;
    } else {
      record.saved = theirs.fields;
      record.local = Object.assign({}, theirs.fields);
      store.setAcked(record.key, theirs.fields, theirs.version);
      store.drop(record.key);
      showRecord(record);
      updateProgress();
      lastSavedAt = new Date();
    }
    shownConflict = null;
    els.conflict.close();
    showNextConflict();
    schedulePump(0);
  }

  els.keepMine.addEventListener('click', function () { resolveConflict(true); });
  els.useTheirs.addEventListener('click', function () { resolveConflict(false); });
  // The choice must be made: Esc does not dismiss the conflict.
  els.conflict.addEventListener('cancel', function (event) { event.preventDefault(); });

  // ---- submit ------------------------------------------------------------------------------------------------------

  function waitForQueue(timeoutMs) {
    var started = Date.now();
    Object.keys(records).forEach(function (key) { records[key].notBefore = 0; });
    schedulePump(0);
    return new Promise(function (resolve) {
      (function check() {
        if (pendingCount() === 0 && !pumping) { resolve(true); return; }
        if (offline || authLost || conflicts.length || shownConflict || Date.now() - started > timeoutMs ||
            Object.keys(records).some(function (key) { return records[key].error; })) { resolve(false); return; }
        window.setTimeout(check, 100);
      })();
    });
  }

  function showSubmitErrors(list) {
    var ul = els.submitErrors.querySelector('ul');
    ul.textContent = '';
    list.forEach(function (problem) {
      if (!problem.key) { ul.appendChild(h('li', { text: problem.message })); return; }
      var link = h('a', { href: '#', text: problem.label + ' — ' + problem.message });
      link.addEventListener('click', function (event) { event.preventDefault(); jumpTo(problem.key); });
      ul.appendChild(h('li', {}, [link]));
    });
    els.submitErrors.hidden = list.length === 0;
    if (list.length) { els.submitErrors.focus(); }
  }

  function labelFor(key) {
    var parts = key.split('.');
    if (parts[0] === 'items') {
      var item = items.filter(function (i) { return String(i.kitItemId) === parts[1]; })[0];
      var name = item ? 'Question ' + item.number : 'A question';
      return parts[2] === 'notes' ? name + ' notes' : name;
    }
    if (parts[0] === 'redFlags') {
      var flag = flagEls[parts.slice(1, parts.length - 1).join('.')];
      return 'Red flag “' + clip(flag ? flag.row.querySelector('label span').textContent : parts[1], 60) + '”';
    }
    if (parts[0] === 'recommendation') { return 'Recommendation'; }
    return 'Scorecard';
  }

  function jumpTo(key) {
    var parts = key.split('.');
    if (parts[0] === 'items') {
      var index = items.map(function (i) { return String(i.kitItemId); }).indexOf(parts[1]);
      if (index < 0) { return; }
      setCurrent(index, { scroll: true });
      var itemParts = itemEls[items[index].kitItemId];
      var target = parts[2] === 'notes' ? itemParts.notes : itemParts.buttons[1];
      target.scrollIntoView({ block: 'center' });
      target.focus();
    } else if (parts[0] === 'redFlags') {
      var flag = flagEls[parts.slice(1, parts.length - 1).join('.')];
      if (!flag) { return; }
      if (flag.itemIndex >= 0) { setCurrent(flag.itemIndex, { scroll: true }); }
      flag.evidenceWrap.hidden = false;
      flag.evidence.scrollIntoView({ block: 'center' });
      flag.evidence.focus();
    } else if (parts[0] === 'recommendation') {
      els.recommendation.scrollIntoView({ block: 'center' });
      els.recommendation.querySelector('button').focus();
    }
  }

  function submit() {
    if (readOnly) { return; }
    els.submit.disabled = true;
    els.submit.textContent = 'Saving your last changes…';
    waitForQueue(10000).then(function (drained) {
      if (!drained) {
        els.submit.disabled = false;
        els.submit.textContent = 'Submit scorecard';
        saveStatus();
        showSubmitErrors([{ key: '', label: 'Not submitted', message: offline
          ? 'You are offline. Your changes are kept on this device; submit once the connection is back.'
          : 'Some changes are not saved yet. See the message beside the save status, then submit again.' }]);
        return;
      }
      els.submit.textContent = 'Submitting…';
      return request('POST', api + '/submit').then(function (result) {
        els.submit.disabled = false;
        els.submit.textContent = 'Submit scorecard';
        if (result.ok && result.json) {
          showSubmitErrors([]);
          load(result.json);
          window.scrollTo(0, 0);
          els.banner.setAttribute('tabindex', '-1');
          els.banner.focus();
        } else if (result.status === 400 && result.json && result.json.errors) {
          var list = [];
          Object.keys(result.json.errors).forEach(function (key) {
            [].concat(result.json.errors[key]).forEach(function (message) { list.push({ key: key, label: labelFor(key), message: message }); });
          });
          showSubmitErrors(list);
        } else {
          showSubmitErrors([{ key: '', label: 'Not submitted', message: problemText(result.json) || 'The server answered ' + result.status + '.' }]);
          if (result.status === 409) { refreshFromServer(); }
        }
      }, function () {
        els.submit.disabled = false;
        els.submit.textContent = 'Submit scorecard';
        offline = true;
        saveStatus();
        showSubmitErrors([{ key: '', label: 'Not submitted', message: 'You appear to be offline. Nothing was lost; try again once the connection is back.' }]);
      });
    });
  }

  els.submit.addEventListener('click', submit);

  // ---- overall: recommendation and summary ------------------------------------------------------------------------

  els.recommendation.addEventListener('click', function (event) {
    var button = event.target.closest('[data-rec]');
    if (!button || readOnly) { return; }
    edit(records.c, { recommendation: button.getAttribute('data-rec') }, 0);
  });
  els.summary.addEventListener('input', function () { edit(records.c, { summary: els.summary.value }, TEXT_DELAY); });
  els.summary.addEventListener('change', function () { flushSoon(records.c); });

  // ---- keyboard --------------------------------------------------------------------------------------------------

  function isTyping(target) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName;
    if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) { return true; }
    return tag === 'INPUT' && ['checkbox', 'radio', 'button', 'submit', 'reset'].indexOf((target.type || '').toLowerCase()) < 0;
  }

  function focusNotes() {
    var item = items[current];
    if (!item || readOnly) { return; }
    var notes = itemEls[item.kitItemId].notes;
    notes.focus();
    notes.setSelectionRange(notes.value.length, notes.value.length);
  }

  var shortcutsOn = root.getAttribute('data-shortcuts') !== 'off';
  var shortcutsBox = $('sc-shortcuts');
  var announcer = $('sc-announce');

  function inQuestionArea(target) {
    return !!target && target.nodeType === 1 && (els.items.contains(target) || els.nav.contains(target));
  }

  function announce(text) {
    // Cleared first so the same words said twice are announced twice.
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function rateByKey(index, level) {
    if (readOnly || !items[index]) { return; }
    rate(index, level);
    var number = items[index].number;
    announce(level === 'n' ? 'Question ' + number + ' marked not observed' : 'Question ' + number + ' rated ' + level);
  }

  shortcutsBox.addEventListener('change', function () {
    var wanted = shortcutsBox.checked;
    shortcutsOn = wanted;
    root.setAttribute('data-shortcuts', wanted ? 'on' : 'off');
    request('PUT', '/api/v1/me/preferences', { keyboardShortcuts: wanted }).then(function (result) {
      if (result.ok) {
        announce(wanted ? 'Single-key shortcuts on' : 'Single-key shortcuts off');
        return;
      }
      announce('Your choice could not be saved; it applies on this page only.');
    }, function () { announce('Offline: your choice applies on this page only.'); });
  });

  document.addEventListener('keydown', function (event) {
    if (!view || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    var target = event.target;
    if (isTyping(target)) {
      if (event.key === 'Escape' && root.contains(target)) {
        event.preventDefault();
        target.blur();
        var article = target.closest('.sc-item');
        (article || els.overall).setAttribute('tabindex', '-1');
        (article || els.overall).focus({ preventScroll: true });
      }
      return;
    }
    if (document.querySelector('dialog[open]')) { return; }
    // Single-key shortcuts (WCAG 2.1.4): only when the person has them on, and only while focus is in the questions
    // (a question, its scale, or the question navigation), never elsewhere on the page.
    if (!shortcutsOn || !inQuestionArea(target)) { return; }
    var key = event.key;
    if (key === '?') { event.preventDefault(); els.help.showModal(); return; }
    if (/^[1-5]$/.test(key)) { event.preventDefault(); rateByKey(current, Number(key)); return; }
    switch (key) {
      case 'n': case 'N': event.preventDefault(); rateByKey(current, 'n'); return;
      case 'j': case 'J': case 'ArrowRight': event.preventDefault(); setCurrent(current + 1, { scroll: true, focus: true }); return;
      case 'k': case 'K': case 'ArrowLeft': event.preventDefault(); setCurrent(current - 1, { scroll: true, focus: true }); return;
      case 'e': case 'E': event.preventDefault(); focusNotes(); return;
      case 'v': case 'V': event.preventDefault(); setLayout(layout === 'one' ? 'all' : 'one'); return;
      case 'Enter':
        if (target.closest && target.closest('button, a, summary, input, [role=button]')) { return; }
        event.preventDefault(); focusNotes(); return;
      default: return;
    }
  });

  els.helpOpen.addEventListener('click', function () { els.help.showModal(); });
  els.viewOne.addEventListener('click', function () { setLayout('one'); });
  els.viewAll.addEventListener('click', function () { setLayout('all'); });
  els.prev.addEventListener('click', function () { setCurrent(current - 1, { scroll: true }); });
  els.next.addEventListener('click', function () { setCurrent(current + 1, { scroll: true }); });

  // ---- connection ----------------------------------------------------------------------------------------------------

  window.addEventListener('offline', function () { offline = true; saveStatus(); });
  window.addEventListener('online', function () { offline = false; authLost = false; saveStatus(); schedulePump(0); });
  window.setInterval(function () {
    if (!pumping && pendingCount() > 0) { pump(); }
  }, RETRY_MS);

  // ---- loading -------------------------------------------------------------------------------------------------------

  function load(data) {
    view = data;
    items = view.items || [];
    buildRecords();
    var keepIndex = current;
    renderAll();
    var remembered = Number(store.get('current') || view.currentKitItemId || 0);
    var index = items.map(function (i) { return i.kitItemId; }).indexOf(remembered);
    current = keepIndex > 0 && keepIndex < items.length ? keepIndex : Math.max(0, index);
    applyLayout();
    saveStatus();
    if (!readOnly) { reportPosition(); schedulePump(0); }
    if (!readOnly && items[current] && (!document.activeElement || document.activeElement === document.body)) {
      itemEls[items[current].kitItemId].article.focus({ preventScroll: true });
    }
  }

  function refreshFromServer() {
    request('GET', api).then(function (result) {
      if (result.ok && result.json && result.json.state === 'Submitted') { load(result.json); }
    }, function () { /* offline: keep what is on screen */ });
  }

  function start() {
    request('GET', api).then(function (result) {
      if (!result.ok || !result.json) {
        els.loadError.hidden = false;
        els.loadError.textContent = result.status === 404 ? 'This scorecard was not found.' : 'The scorecard could not be loaded (' + (problemText(result.json) || result.status) + '). Reload to try again.';
        root.setAttribute('aria-busy', 'false');
        return;
      }
      els.loadError.hidden = true;
      load(result.json);
      window.setInterval(tick, 1000);
      tick();
    }, function () {
      els.loadError.hidden = false;
      els.loadError.textContent = 'You appear to be offline, and this scorecard has not been kept on this device yet. Reload once the connection is back.';
      root.setAttribute('aria-busy', 'false');
      window.addEventListener('online', function () { window.location.reload(); }, { once: true });
    });
  }

  // A small service worker keeps this page, its scripts and its last loaded scorecard, so a reload while offline
  // still shows the scorecard (with the unsent changes from this device laid over it).
  function registerServiceWorker() {
    if (!('serviceWorker' in navigator) || !window.isSecureContext) { return; }
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      var urls = [window.location.pathname, api];
      document.querySelectorAll('link[rel=stylesheet][href], script[src]').forEach(function (node) {
        var url = new URL(node.getAttribute('href') || node.getAttribute('src'), window.location.href);
        if (url.origin === window.location.origin) { urls.push(url.pathname + url.search); }
      });
      if (registration.active) { registration.active.postMessage({ type: 'keep', urls: urls }); }
    }).catch(function () { /* without a service worker the in-page queue still keeps every change */ });
  }

  start();
  registerServiceWorker();
})();
