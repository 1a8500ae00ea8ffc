// docker-postmortem report page: filters, copy buttons, print expansion. No network, no HTML
// building: only attributes, classes and textContent are touched.
(function () {
  'use strict';
  var data = { findings: [] };
  var el = document.getElementById('report-data');
  if (el) {
    try { data = JSON.parse(el.textContent || '{}'); } catch (e) { data = { findings: [] }; }
  }
  var total = (data.findings || []).length;

  function checked(kind) {
    var set = {};
    var boxes = document.querySelectorAll('input[data-filter="' + kind + '"]');
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) set[boxes[i].value] = true;
    return set;
  }

  function apply() {
    var sev = checked('severity');
    var cat = checked('category');
    var list = document.querySelectorAll('.finding');
    var shown = 0;
    for (var i = 0; i < list.length; i++) {
      var f = list[i];
      var on = !!sev[f.getAttribute('data-severity')] && !!cat[f.getAttribute('data-category')];
      f.hidden = !on;
      if (on) shown++;
    }
    var count = document.getElementById('filter-count');
    if (count) count.textContent = 'Showing ' + shown + ' of ' + total + ' findings.';
    var passed = document.getElementById('show-passed');
    var rows = document.querySelectorAll('.check-passed');
    for (var j = 0; j < rows.length; j++) rows[j].hidden = !(passed && passed.checked);
  }

  var filters = document.getElementById('filters');
  if (filters) {
    filters.addEventListener('change', apply);
    filters.addEventListener('submit', function (e) { e.preventDefault(); });
  }
  var showPassed = document.getElementById('show-passed');
  if (showPassed) showPassed.addEventListener('change', apply);

  // A link to a finding the filters hide turns its severity and category back on.
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    if (!id) return;
    var t = document.getElementById(id);
    // A link into the collapsed technical section opens it.
    var tech = t && t.closest ? t.closest('details.technical') : null;
    if (tech && !tech.open) { tech.open = true; t.scrollIntoView(); }
    if (!t || !t.classList.contains('finding') || !t.hidden) return;
    var boxes = document.querySelectorAll('input[data-filter]');
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      var attr = b.getAttribute('data-filter') === 'severity' ? 'data-severity' : 'data-category';
      if (b.value === t.getAttribute(attr)) b.checked = true;
    }
    apply();
    t.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);

  function copyText(text, button) {
    function done() {
      button.textContent = 'Copied';
      button.classList.add('done');
      setTimeout(function () { button.textContent = 'Copy'; button.classList.remove('done'); }, 1500);
    }
    function fallback() {
      var code = document.getElementById(button.getAttribute('data-copy'));
      if (!code) return;
      var range = document.createRange();
      range.selectNodeContents(code);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { if (document.execCommand('copy')) done(); } catch (e) { /* selection stays for Ctrl+C */ }
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
  document.addEventListener('click', function (e) {
    var b = e.target && e.target.closest ? e.target.closest('button.copy') : null;
    if (!b) return;
    var code = document.getElementById(b.getAttribute('data-copy'));
    if (code) copyText(code.textContent || '', b);
  });

  // "Copy ticket text": the ticket (reports/ticket.ts) is JSON data in the page. Where the clipboard is
  // refused (file:// pages in some browsers), the text is shown selected in a textarea for Ctrl+C.
  var ticketButton = document.getElementById('copy-ticket');
  var ticketData = document.getElementById('ticket-data');
  if (ticketButton && ticketData) {
    var ticketLabel = ticketButton.textContent;
    ticketButton.addEventListener('click', function () {
      var text;
      try { text = JSON.parse(ticketData.textContent || '""'); } catch (e) { return; }
      if (typeof text !== 'string') return;
      function done() {
        ticketButton.textContent = ticketButton.getAttribute('data-done') || ticketLabel;
        setTimeout(function () { ticketButton.textContent = ticketLabel; }, 1500);
      }
      function fallback() {
        var area = document.getElementById('ticket-fallback');
        var note = document.getElementById('ticket-fallback-note');
        if (!area) return;
        area.value = text;
        area.hidden = false;
        if (note) note.hidden = false;
        area.focus();
        area.select();
        try { if (document.execCommand('copy')) done(); } catch (e) { /* the selection stays for Ctrl+C */ }
      }
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
      else fallback();
    });
  }

  // Printing expands every finding (not the technical section); afterwards the reader's choices come back.
  var closed = [];
  window.addEventListener('beforeprint', function () {
    closed = [];
    var ds = document.querySelectorAll('details:not([open]):not(.technical)');
    for (var i = 0; i < ds.length; i++) { closed.push(ds[i]); ds[i].open = true; }
  });
  window.addEventListener('afterprint', function () {
    for (var i = 0; i < closed.length; i++) closed[i].open = false;
    closed = [];
  });

  apply();
  reveal();
})();
