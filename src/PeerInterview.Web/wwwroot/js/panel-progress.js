// Panel progress on the interview page: every 3 seconds while the tab is visible, reads
// GET /api/v1/interviews/{id}/progress and redraws the list the server rendered (_PanelProgress.cshtml).
// The endpoint sends counts and positions only, never scores. The wording matches PanelProgressText.
(function () {
  'use strict';
  var block = document.querySelector('[data-panel-progress]');
  if (!block || !window.fetch) { return; }
  var url = block.getAttribute('data-panel-progress');
  var list = block.querySelector('[data-progress-list]');
  var status = block.querySelector('[data-progress-status]');
  var every = 3000;
  var timer = null;
  var busy = false;
  var stopped = false;
  var rendered = status.querySelector('time[datetime]');
  var lastUpdated = rendered ? new Date(rendered.getAttribute('datetime')) : null;

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  // "14:05 UTC" / "14:05:09 UTC": the site shows times in UTC and says so.
  function clock(date, seconds) {
    return pad(date.getUTCHours()) + ':' + pad(date.getUTCMinutes()) + (seconds ? ':' + pad(date.getUTCSeconds()) : '') + ' UTC';
  }

  function line(p, total) {
    if (!p.startedAt && p.itemsRated === 0 && p.state === 'Draft') { return 'Not started'; }
    var parts = [p.itemsRated + ' of ' + total + ' rated'];
    if (p.state !== 'Submitted' && p.currentItemNumber) { parts.push('on question ' + p.currentItemNumber); }
    if (p.state === 'Submitted' && p.submittedAt) { parts.push('Submitted at ' + clock(new Date(p.submittedAt), false)); }
    return parts.join(' · ');
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function row(p, total) {
    var li = element('li');
    li.setAttribute('data-scorecard-id', p.scorecardId);
    var who = element('div', 'progress-who');
    who.appendChild(element('strong', '', p.interviewerName));
    who.appendChild(document.createTextNode(' '));
    who.appendChild(element('span', 'badge' + (p.state === 'Submitted' ? ' ok' : p.state === 'Reopened' ? ' warn' : ''), p.state));
    var bar = element('progress', '', p.itemsRated + ' of ' + total);
    bar.max = Math.max(total, 1);
    bar.value = p.itemsRated;
    bar.setAttribute('aria-label', p.interviewerName + ': ' + p.itemsRated + ' of ' + total + ' rated');
    li.appendChild(who);
    li.appendChild(bar);
    li.appendChild(element('div', 'muted small progress-line', line(p, total)));
    return li;
  }

  function show(text, stale) {
    status.textContent = text;
    status.classList.toggle('stale', stale);
  }

  function render(progress) {
    var rows = document.createDocumentFragment();
    progress.panel.forEach(function (p) { rows.appendChild(row(p, progress.itemsTotal)); });
    list.replaceChildren(rows);
    lastUpdated = new Date();
    show('updated ' + clock(lastUpdated, true), false);
  }

  function schedule() {
    if (!stopped && !busy && timer === null && !document.hidden) { timer = window.setTimeout(poll, every); }
  }

  function poll() {
    timer = null;
    if (stopped || busy || document.hidden) { return; }
    busy = true;
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401 || response.status === 404) {
          // Signed out, or no longer allowed to see this interview: polling again would not help.
          stopped = true;
          show(response.status === 401 ? 'Signed out. Reload the page to sign in again.' : 'This interview is no longer available.', true);
          return null;
        }
        if (!response.ok) { throw new Error('HTTP ' + response.status); }
        return response.json();
      })
      .then(function (progress) { if (progress) { render(progress); } })
      .catch(function () {
        show(lastUpdated ? 'not updated since ' + clock(lastUpdated, true) + ', retrying' : 'could not update, retrying', true);
      })
      .then(function () {
        busy = false;
        schedule();
      });
  }

  // Pause while the tab is hidden; catch up at once when it is shown again.
  document.addEventListener('visibilitychange', function () {
    window.clearTimeout(timer);
    timer = null;
    if (!document.hidden) { poll(); }
  });

  schedule();
})();
