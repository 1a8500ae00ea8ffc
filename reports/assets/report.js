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
  var labels = data.labels || {};
  var lang = document.documentElement.lang || 'en';

  // The catalog's message format (analyzer/src/i18n/format.ts): {{name}} and
  // {{name, plural, one{# …} other{# …}}}, the branch chosen by Intl.PluralRules for the page's language.
  var plural;
  try { plural = new Intl.PluralRules(lang); } catch (e) { plural = new Intl.PluralRules('en'); }
  function closeBrace(s, open) {
    var depth = 0;
    for (var i = open; i < s.length; i++) {
      if (s[i] === '{') depth++;
      else if (s[i] === '}' && --depth === 0) return i + 1;
    }
    return -1;
  }
  function format(tpl, values) {
    var out = '';
    var i = 0;
    while (i < tpl.length) {
      if (tpl.substr(i, 2) === '{{') {
        var rest = tpl.slice(i);
        var simple = /^\{\{\s*([\w.-]+)\s*\}\}/.exec(rest);
        if (simple) { out += String(values[simple[1]]); i += simple[0].length; continue; }
        var pl = /^\{\{\s*([\w.-]+)\s*,\s*plural\s*,/.exec(rest);
        var end = pl ? closeBrace(tpl, i + 1) : -1;
        if (pl && end > 0 && tpl[end] === '}') {
          var n = Number(values[pl[1]]);
          var body = tpl.slice(i + pl[0].length, end - 1);
          var branches = {};
          var re = /\s*(zero|one|two|few|many|other|=\d+)\s*\{/g;
          var m;
          while ((m = re.exec(body))) {
            var close = closeBrace(body, m.index + m[0].length - 1);
            if (close < 0) break;
            branches[m[1]] = body.slice(m.index + m[0].length, close - 1);
            re.lastIndex = close;
          }
          var branch = branches['=' + n] !== undefined ? branches['=' + n] : branches[plural.select(n)] !== undefined ? branches[plural.select(n)] : branches.other || '';
          out += format(branch.replace(/#/g, String(n)), values);
          i = end + 1;
          continue;
        }
      }
      out += tpl[i];
      i++;
    }
    return out;
  }
  /** The element's catalog template (data-template) filled in; the server's own text when it has none. */
  function countText(el, values) {
    var tpl = el.getAttribute('data-template');
    if (tpl) el.textContent = format(tpl, values);
  }

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
    if (count) countText(count, { shown: shown, total: total });
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
    // A chart mark links to its row: a row the timeline's focus or filters hide comes back.
    if (t && t.classList.contains('tl-row') && t.hidden) {
      var focus = document.getElementById('tl-focus');
      if (focus) focus.value = '0';
      var tb = document.querySelectorAll('input[data-tl-filter]');
      for (var k = 0; k < tb.length; k++) {
        if (tb[k].value === t.getAttribute('data-' + tb[k].getAttribute('data-tl-filter'))) tb[k].checked = true;
      }
      tlApply();
      t.scrollIntoView();
      return;
    }
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
      var label = button.textContent;
      button.textContent = labels.copied || label;
      button.classList.add('done');
      setTimeout(function () { button.textContent = labels.copy || label; button.classList.remove('done'); }, 1500);
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
    // Folded chatter stays folded: the printout is the condensed timeline.
    var ds = document.querySelectorAll('details:not([open]):not(.technical):not(.tl-members)');
    for (var i = 0; i < ds.length; i++) { closed.push(ds[i]); ds[i].open = true; }
  });
  window.addEventListener('afterprint', function () {
    for (var i = 0; i < closed.length; i++) closed[i].open = false;
    closed = [];
  });

  // --- timeline: focus around the root cause, lane and kind filters, CSV export -------------
  var tl = document.getElementById('tl-controls');
  function tlSelection() {
    var focus = document.getElementById('tl-focus');
    var minutes = focus ? Number(focus.value) : 0;
    var centre = tl ? Number(tl.getAttribute('data-centre')) : NaN;
    var windowed = minutes > 0 && isFinite(centre);
    var lanes = {};
    var kinds = {};
    var boxes = document.querySelectorAll('input[data-tl-filter]');
    for (var i = 0; i < boxes.length; i++) {
      if (!boxes[i].checked) continue;
      (boxes[i].getAttribute('data-tl-filter') === 'lane' ? lanes : kinds)[boxes[i].value] = true;
    }
    return function (lane, kind, start, end) {
      if (!lanes[lane] || !kinds[kind]) return false;
      return !windowed || (end >= centre - minutes * 60000 && start <= centre + minutes * 60000);
    };
  }
  function tlApply() {
    var on = tlSelection();
    var rows = document.querySelectorAll('tr.tl-row');
    var shown = 0;
    var listed = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var n = Number(r.getAttribute('data-count')) || 1;
      var start = Number(r.getAttribute('data-time'));
      var end = Number(r.getAttribute('data-time-end'));
      var show = on(r.getAttribute('data-lane'), r.getAttribute('data-kind'), start, isFinite(end) ? end : start);
      r.hidden = !show;
      listed += n;
      if (show) shown += n;
    }
    var count = document.getElementById('tl-count');
    if (count) countText(count, { shown: shown, total: listed });
  }

  // A cell that a spreadsheet would read as a formula (= + - @, or a leading tab or CR) starts with a quote.
  function csvCell(v) {
    var s = String(v === undefined || v === null ? '' : v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return '"' + s.replace(/"/g, '""') + '"';
  }
  function text(el, sel) {
    var x = sel ? el.querySelector(sel) : el;
    return x ? (x.textContent || '').replace(/\s+/g, ' ').trim() : '';
  }
  /** Path and excerpt of one row or folded member; a folded row's own cells name its first member. */
  function evidenceOf(el) {
    var pre = el.querySelector(':scope > pre.excerpt, :scope > td:last-child > pre.excerpt');
    return [text(el, ':scope > code.ev-path, :scope > td:last-child > code.ev-path'), pre ? pre.textContent || '' : ''];
  }
  // The table is the source: what the export holds is what the page lists, each excerpt carried once.
  function csvText() {
    var on = tlSelection();
    var button = document.getElementById('tl-csv');
    var head = document.querySelectorAll('table.tl-table thead th');
    var header = [];
    for (var h = 0; h < head.length - 1; h++) header.push(text(head[h]));
    header.push(button ? button.getAttribute('data-where') || '' : '', head.length ? text(head[head.length - 1]) : '');
    var lines = [header.map(csvCell).join(',')];
    var rows = document.querySelectorAll('tr.tl-row');
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var lane = r.getAttribute('data-lane');
      var kind = r.getAttribute('data-kind');
      var laneText = text(r, 'td.tl-lane');
      var kindText = text(r, '.tl-kind-text');
      var members = r.querySelectorAll('li.tl-member');
      if (!members.length) {
        var t = Number(r.getAttribute('data-time'));
        if (on(lane, kind, t, t)) lines.push([text(r, 'td.tl-n'), text(r, 'time'), laneText, kindText, text(r, '.tl-label')].concat(evidenceOf(r)).map(csvCell).join(','));
        continue;
      }
      // A folded row is exported whole when it is shown, as the count line counts it.
      if (!on(lane, kind, Number(r.getAttribute('data-time')), Number(r.getAttribute('data-time-end')))) continue;
      for (var m = 0; m < members.length; m++) {
        var li = members[m];
        lines.push([li.getAttribute('data-n'), text(li, 'time'), laneText, kindText, text(li, '.tl-label')].concat(evidenceOf(li)).map(csvCell).join(','));
      }
    }
    // A BOM so spreadsheet programs read UTF-8; CRLF as RFC 4180 says.
    return '\ufeff' + lines.join('\r\n') + '\r\n';
  }
  function download() {
    // A detached link to the text itself: nothing is added to the page, nothing is fetched.
    var a = document.createElement('a');
    a.href = 'data:text/csv;charset=utf-8,' + encodeURIComponent(csvText());
    var button = document.getElementById('tl-csv');
    a.download = (button && button.getAttribute('data-file')) || 'timeline.csv';
    a.click();
  }
  if (tl) {
    tl.hidden = false;
    tl.addEventListener('change', tlApply);
    tl.addEventListener('submit', function (e) { e.preventDefault(); });
    var csv = document.getElementById('tl-csv');
    if (csv) csv.addEventListener('click', download);
    tlApply();
  }
  apply();
  reveal();
})();
