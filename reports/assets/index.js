// Sorting and filtering for the batch index. DOM methods only: no innerHTML, no eval, no network.
(function () {
  'use strict';
  var table = document.getElementById('bundle-table');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var minSel = document.getElementById('min-severity');
  var text = document.getElementById('filter-text');
  var shown = document.getElementById('shown-count');

  function applyFilter() {
    var min = Number(minSel.value);
    var q = text.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (r) {
      var d = r.dataset;
      var hay = [d.input, d.file, d.host, d.case, d.label, d.docker, d.kernel, d.os, d.rules].join(' ').toLowerCase();
      var ok = Number(r.dataset.worst) >= min && (q === '' || hay.indexOf(q) !== -1);
      r.classList.toggle('hidden', !ok);
      if (ok) n++;
    });
    // The sentence is the page's language; the template comes from the page (index.hbs).
    shown.textContent = (shown.getAttribute('data-template') || '{shown} / {total}').replace('{shown}', String(n)).replace('{total}', String(rows.length));
  }

  var buttons = Array.prototype.slice.call(table.querySelectorAll('th button[data-sort-key]'));
  buttons.forEach(function (b) {
    b.addEventListener('click', function () {
      var key = b.dataset.sortKey;
      var numeric = b.dataset.sortNumeric === '1';
      var dir = b.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
      buttons.forEach(function (o) { o.removeAttribute('aria-sort'); });
      b.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
      rows.sort(function (x, y) {
        var a = x.dataset[key] || '', c = y.dataset[key] || '';
        var d = numeric ? Number(a) - Number(c) : a.localeCompare(c);
        return d * dir || x.dataset.input.localeCompare(y.dataset.input);
      });
      rows.forEach(function (r) { tbody.appendChild(r); });
    });
  });
  minSel.addEventListener('change', applyFilter);
  text.addEventListener('input', applyFilter);
  applyFilter();
})();
