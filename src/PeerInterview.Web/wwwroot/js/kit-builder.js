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

  // Moves and additions are announced here (outside the swapped workspace, so the region outlives each swap).
  var announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('aria-live', 'polite');
  announcer.id = 'kit-announce';
  document.body.appendChild(announcer);
  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function ordinal(n) {
    var tens = n % 100;
    if (tens >= 11 && tens <= 13) { return n + 'th'; }
    return n + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
  }

  function whereIs(item) {
    var section = item.closest('.kit-section');
    var heading = section && section.querySelector('.kit-section-head h3');
    var position = Array.prototype.indexOf.call(item.parentNode.querySelectorAll('.kit-item'), item) + 1;
    return { section: heading ? heading.textContent.trim() : '', position: position };
  }

  // What the person used, described so the same control can be found again in the re-rendered workspace.
  function describe(element) {
    if (!element || !workspace.contains(element) || element === workspace) { return null; }
    var form = element.form || (element.closest && element.closest('form'));
    var hidden = {};
    if (form) {
      Array.prototype.forEach.call(form.querySelectorAll('input[type=hidden]'), function (input) {
        if (input.name !== '__RequestVerificationToken') { hidden[input.name] = input.value; }
      });
    }
    return {
      id: element.id, tag: element.tagName, name: element.getAttribute('name'), label: element.getAttribute('aria-label'),
      text: element.textContent, action: form ? form.getAttribute('action') : null, hidden: hidden
    };
  }

  function find(description) {
    if (!description) { return null; }
    if (description.id) { return document.getElementById(description.id); }
    var candidates = workspace.querySelectorAll(description.tag);
    for (var i = 0; i < candidates.length; i++) {
      var element = candidates[i];
      var form = element.form || element.closest('form');
      if ((form ? form.getAttribute('action') : null) !== description.action) { continue; }
      if (element.getAttribute('name') !== description.name || element.textContent !== description.text) { continue; }
      var same = Object.keys(description.hidden).every(function (key) {
        var input = form && form.querySelector('input[type=hidden][name="' + key + '"]');
        return input && input.value === description.hidden[key];
      });
      if (same) { return element; }
    }
    return null;
  }

  function used(event) {
    var active = document.activeElement;
    return active && event.target.contains(active) && active.tagName !== 'BUTTON' ? active : event.submitter || active;
  }

  function itemIds() {
    return Array.prototype.map.call(workspace.querySelectorAll('.kit-item'), function (item) { return item.getAttribute('data-item-id'); });
  }

  // After each change: focus goes back to the control that was used, else to the moved or new question, else to the
  // question after a removed one (or the bank search); moves and additions say where the question now is.
  function swap(html, context) {
    var before = itemIds();
    var beforePlace = null;
    if (context.itemId) {
      var old = workspace.querySelector('.kit-item[data-item-id="' + context.itemId + '"]');
      if (old) { beforePlace = whereIs(old); }
    }
    workspace.innerHTML = html;
    workspace.setAttribute('aria-busy', 'false');
    var after = itemIds();
    var added = after.filter(function (id) { return before.indexOf(id) < 0; })[0];
    var subject = context.itemId || added;
    var item = subject ? workspace.querySelector('.kit-item[data-item-id="' + subject + '"]') : null;
    if (item && context.kind === 'move') {
      var place = whereIs(item);
      if (!beforePlace || place.section !== beforePlace.section || place.position !== beforePlace.position) {
        announce('Moved to ' + ordinal(place.position) + ' in ' + place.section);
      } else {
        announce('Already ' + ordinal(place.position) + ' in ' + place.section);
      }
    } else if (item && added) {
      var placed = whereIs(item);
      announce('Added as ' + ordinal(placed.position) + ' in ' + placed.section);
    } else if (context.kind === 'remove') {
      announce('Removed from the kit');
    }
    var target = (context.keepItemFocus && item) || find(context.control) || item;
    if (!target && context.kind === 'remove') {
      target = workspace.querySelector('.kit-item') || document.getElementById('bank-q');
    }
    if (target) { target.focus(); }
  }

  function send(url, body, context) {
    context = context || {};
    workspace.setAttribute('aria-busy', 'true');
    return fetch(url, {
      method: body ? 'POST' : 'GET',
      body: body || undefined,
      headers: { 'X-Requested-With': 'fetch', 'RequestVerificationToken': token() },
      credentials: 'same-origin'
    }).then(function (response) {
      if (!response.ok) { throw new Error('HTTP ' + response.status); }
      return response.text();
    }).then(function (html) { swap(html, context); })
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
      send(form.getAttribute('action') + '?' + query.toString(), null, { control: describe(used(event)) });
      return;
    }
    if (!form.hasAttribute('data-ajax')) { return; }
    event.preventDefault();
    var item = form.querySelector('input[name="itemId"]');
    var action = form.getAttribute('action') || '';
    var kind = /handler=Move/i.test(action) ? 'move' : /handler=Remove(?!Section)/i.test(action) ? 'remove' : 'other';
    send(action, new FormData(form), {
      itemId: item ? item.value : null, kind: kind,
      control: kind === 'remove' ? null : describe(used(event))
    });
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
    send(handlerUrl('Move'), body, { itemId: itemId, kind: 'move', keepItemFocus: true });
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
