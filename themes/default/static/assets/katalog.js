/* Papan: a name filter and a price sort for product grids. Progressive enhancement only:
   without this script every product is still listed; the controls exist only with it. */
(function () {
  "use strict";
  var list = document.querySelector("[data-katalog]");
  if (!list || !document.createElement("input").addEventListener) {
    return;
  }
  var items = Array.prototype.slice.call(list.children);
  if (items.length < 2) {
    return;
  }
  var names = items.map(function (li) {
    var n = li.querySelector(".nama");
    return (n ? n.textContent : li.textContent).toLowerCase();
  });
  var prices = items.map(function (li) {
    return parseFloat(li.getAttribute("data-harga")) || 0;
  });

  function field(labelText, control) {
    var label = document.createElement("label");
    label.appendChild(document.createTextNode(labelText));
    label.appendChild(control);
    return label;
  }

  var search = document.createElement("input");
  search.type = "search";
  search.autocomplete = "off";
  var sort = document.createElement("select");
  [["", "Nama (A–Z)"], ["murah", "Harga termurah"], ["mahal", "Harga termahal"]].forEach(function (o) {
    var option = document.createElement("option");
    option.value = o[0];
    option.textContent = o[1];
    sort.appendChild(option);
  });
  var form = document.createElement("form");
  form.className = "saring";
  form.setAttribute("role", "search");
  form.appendChild(field("Cari produk", search));
  form.appendChild(field("Urutkan", sort));
  var status = document.createElement("p");
  status.className = "catatan";
  status.setAttribute("aria-live", "polite");
  list.parentNode.insertBefore(form, list);
  list.parentNode.insertBefore(status, list);

  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var order = items.map(function (_, i) { return i; });
    if (sort.value) {
      var sign = sort.value === "murah" ? 1 : -1;
      order.sort(function (a, b) {
        return (prices[a] - prices[b]) * sign || a - b;
      });
    }
    var shown = 0;
    order.forEach(function (i) {
      var match = words.every(function (w) { return names[i].indexOf(w) !== -1; });
      items[i].hidden = !match;
      if (match) {
        shown += 1;
      }
      list.appendChild(items[i]);
    });
    status.textContent = words.length
      ? (shown ? shown + " produk cocok." : "Tidak ada produk yang cocok.")
      : "";
  }

  form.addEventListener("submit", function (e) { e.preventDefault(); });
  search.addEventListener("input", apply);
  sort.addEventListener("change", apply);
})();
