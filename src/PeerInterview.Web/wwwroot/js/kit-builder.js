// Kit builder: sends the builder's small forms with fetch and swaps in the re-rendered workspace, so the coverage panel
// updates as the kit changes. Without JavaScript every form still works by post-redirect-get.
(function () {
  'use strict';
  var workspace = document.getElementById('workspace');
  if (!workspace) { return; }

  function token() {
    var input = workspace.querySelector('input[name="__RequestVerificationToken"]');
    return input ? input.value : '';
  }

  function swap(html, focusItemId) {
    workspace.innerHTML = html;
    workspace.setAttribute('aria-busy', 'false');
    if (focusItemId) {
      var item = workspace.querySelector('.kit-item[data-item-id="' + focusItemId + '"]');
      if (item) { item.focus(); }
    }
  }

  function send(url, body, focusItemId) {
    workspace.setAttribute('aria-busy', 'true');
    return fetch(url, {
      method: body ? 'POST' : 'GET',
      body: body || undefined,
      headers: { 'X-Requested-With': 'fetch', 'RequestVerificationToken': token() },
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    }).then(function (html) { swap(html, focusItemId); })
      .catch(function () {
        workspace.setAttribute('aria-busy', 'false');
        window.alert('The change could not be saved. Check your connection and try again; nothing else was changed.');
      });
  }

  function handlerUrl(handler, extra) {
    var params = new URLSearchParams(window.location.search);
    params.set('handler', handler);
    return window.location.pathname + '?' + params.toString() + (extra || '');
  }

  workspace.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.hasAttribute('data-ajax-get')) {
      event.preventDefault();
      var query = new URLSearchParams(new FormData(form));
      history.replaceState(null, '', form.getAttribute('action') + '?' + query.toString());
      send(form.getAttribute('action') + '?' + query.toString());
      return;
    }
    if (!form.hasAttribute('data-ajax')) { return; }
    event.preventDefault();
    var item = form.querySelector('input[name="itemId"]');
    send(form.getAttribute('action'), new FormData(form), item ? item.value : null);
  });

  // Minutes save as soon as the value changes.
  workspace.addEventListener('change', function (event) {
    if (event.target.hasAttribute('data-autosubmit')) {
      event.target.form.requestSubmit();
    }
  });

  function move(itemId, data) {
    var body = new FormData();
    body.append('itemId', itemId);
    Object.keys(data).forEach(function (key) { body.append(key, data[key]); });
    body.append('__RequestVerificationToken', token());
    send(handlerUrl('Move'), body, itemId);
  }

  // Keyboard: Alt+ArrowUp / Alt+ArrowDown on a focused question moves it.
  workspace.addEventListener('keydown', function (event) {
    var item = event.target.closest && event.target.closest('.kit-item');
    if (!item || event.target !== item || !event.altKey) { return; }
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(item.getAttribute('data-item-id'), { step: event.key === 'ArrowUp' ? -1 : 1 });
    }
  });

  // Drag and drop between and within sections.
  var dragged = null;
  workspace.addEventListener('dragstart', function (event) {
    var item = event.target.closest && event.target.closest('.kit-item[draggable="true"]');
    if (!item) { return; }
    dragged = item;
    item.classList.add('dragging');
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', item.getAttribute('data-item-id'));
  });
  workspace.addEventListener('dragend', function () {
    if (dragged) { dragged.classList.remove('dragging'); }
    dragged = null;
  });
  workspace.addEventListener('dragover', function (event) {
    if (!dragged) { return; }
    var section = event.target.closest && event.target.closest('.kit-section');
    if (!section) { return; }
    event.preventDefault();
    var list = section.querySelector('.kit-items');
    var after = null;
    Array.prototype.forEach.call(list.querySelectorAll('.kit-item:not(.dragging)'), function (candidate) {
      var box = candidate.getBoundingClientRect();
      if (after === null && event.clientY < box.top + box.height / 2) { after = candidate; }
    });
    if (after) { list.insertBefore(dragged, after); } else { list.appendChild(dragged); }
  });
  workspace.addEventListener('drop', function (event) {
    if (!dragged) { return; }
    event.preventDefault();
    var list = dragged.closest('.kit-items');
    var index = Array.prototype.indexOf.call(list.querySelectorAll('.kit-item'), dragged);
    move(dragged.getAttribute('data-item-id'), { sectionId: list.getAttribute('data-section-id'), index: index });
  });
})();
