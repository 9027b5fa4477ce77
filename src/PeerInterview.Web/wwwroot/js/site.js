// Shared helpers for pages. No inline scripts anywhere: the Content-Security-Policy forbids them.
(function () {
  'use strict';
  // Confirm destructive buttons that declare data-confirm="message".
  document.addEventListener('click', function (event) {
    var target = event.target.closest('[data-confirm]');
    if (target && !window.confirm(target.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });
})();

// Print buttons (no inline handlers: the Content-Security-Policy forbids them).
document.addEventListener('click', function (event) {
  if (event.target.closest && event.target.closest('[data-print]')) { window.print(); }
});
