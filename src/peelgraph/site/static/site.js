// Filters of the grade pivot (region, year, grade): rows that do not match are hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  var region = document.getElementById("filter-region");
  var year = document.getElementById("filter-year");
  var grade = document.getElementById("filter-grade");
  var count = document.getElementById("filter-count");
  var rows = document.querySelectorAll("table.pivot tbody tr");
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!region.value || row.dataset.region === region.value) &&
        (!year.value || row.dataset.year === year.value) &&
        (!grade.value || row.dataset.grades.split("|").indexOf(grade.value) >= 0);
      row.classList.toggle("hidden", !ok);
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " rows";
  }
  [region, year, grade].forEach(function (el) { el.addEventListener("change", apply); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
}());
