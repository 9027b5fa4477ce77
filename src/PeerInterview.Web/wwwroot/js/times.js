// Times are shown in UTC; hovering (or focusing) one shows it in the reader's own time zone too.
(function () {
  'use strict';
  var format = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  Array.prototype.forEach.call(document.querySelectorAll('time[datetime]'), function (el) {
    var at = new Date(el.getAttribute('datetime'));
    if (!isNaN(at.getTime())) { el.title = 'Your time: ' + at.toLocaleString(undefined, format); }
  });
})();
