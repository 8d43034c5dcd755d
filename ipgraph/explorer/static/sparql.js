// The SPARQL page: YASGUI on this server's /sparql, with the named queries as examples.
// Autocompletion that asks prefix.cc or LOV over the network is switched off: nothing leaves.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("page-data").textContent);
  const queries = data.queries;
  const endpoint = window.location.origin + "/sparql";
  Yasgui.Yasqe.defaults.autocompleters = ["variables"];
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null,
    yasqe: { value: queries.length ? queries[0].sparql : "SELECT * WHERE { ?s ?p ?o } LIMIT 10" },
  });
  window.ipgraph = { ready: true, yasgui: yasgui };
  document.querySelectorAll("button.example").forEach((b) => {
    b.addEventListener("click", () => {
      const q = queries.find((x) => x.name === b.dataset.name);
      const tab = yasgui.getTab();
      tab.setQuery(q.sparql);
      tab.query();
    });
  });
})();
