// Papan serve: muat ulang halaman ini setelah situs dibangun ulang.
// Hanya dipakai saat pratinjau (`papan serve`); tidak pernah masuk ke hasil `papan build`.
(function () {
  var tag = document.currentScript;
  var versi = tag ? tag.getAttribute("data-versi") : null;
  var sumber = new EventSource("/__papan/peristiwa");
  sumber.onmessage = function (e) {
    if (e.data !== versi) {
      sumber.close();
      location.reload();
    }
  };
})();
