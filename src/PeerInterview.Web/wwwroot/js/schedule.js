// The scheduling form: suggest the candidate's kit version, echo the UTC time in local time, and ask for
// "schedule anyway" only when exactly one interviewer is ticked. The form works without it.
(function () {
  'use strict';
  var form = document.querySelector('form.schedule-form');
  if (!form) { return; }

  var candidate = form.querySelector('[data-default-kit-target]');
  if (candidate) {
    candidate.addEventListener('change', function () {
      var option = candidate.options[candidate.selectedIndex];
      var version = option && option.getAttribute('data-kit-version');
      var kit = form.querySelector(candidate.getAttribute('data-default-kit-target'));
      if (version && kit) { kit.value = version; }
    });
  }

  var echo = form.querySelector('[data-utc-echo-for]');
  var when = echo && document.getElementById(echo.getAttribute('data-utc-echo-for'));
  function showLocal() {
    if (!when.value) { echo.textContent = 'Enter the time in UTC.'; return; }
    var at = new Date(when.value + 'Z');
    if (isNaN(at.getTime())) { return; }
    if (at.getTimezoneOffset() === 0) { echo.textContent = 'Your computer is on UTC too, so this is your local time.'; return; }
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'your time zone';
    echo.textContent = 'That is ' + at.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) + ' in ' + zone + '.';
  }
  if (when) { when.addEventListener('input', showLocal); showLocal(); }

  var boxes = form.querySelectorAll('input[name="Input.InterviewerIds"]');
  var warning = document.getElementById('one-interviewer');
  function checkPanel() {
    var ticked = Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length;
    if (warning) { warning.hidden = ticked !== 1; }
  }
  Array.prototype.forEach.call(boxes, function (b) { b.addEventListener('change', checkPanel); });
  if (boxes.length) { checkPanel(); }
})();
