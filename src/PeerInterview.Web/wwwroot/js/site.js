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

// Form errors (Infrastructure/AccessibleValidation.cs): focus the error summary when a form comes back with errors, and
// let each of its links move focus to its field (by id, or by name for groups such as checkboxes).
(function () {
  'use strict';
  var summary = document.querySelector('[data-error-summary]');
  if (!summary) { return; }
  summary.focus();
  summary.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (!link) { return; }
    var key = decodeURIComponent(link.getAttribute('href').slice(1));
    var field = document.getElementById(key) || document.querySelector('[name="' + key.replace(/_/g, '.').replace(/"/g, '') + '"]');
    if (field) {
      event.preventDefault();
      field.focus();
    }
  });
})();
