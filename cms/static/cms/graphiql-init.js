// Starts GraphiQL on /graphql/ from a file of this site's own, so the page needs no inline
// script. Signed-in editors' requests carry the CSRF token the server asks of cookie sessions.
(function () {
  "use strict";
  var root = document.getElementById("graphiql");
  var headers = {};
  var csrf = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  if (csrf) {
    headers["X-CSRFToken"] = decodeURIComponent(csrf[1]);
  }
  var fetcher = GraphiQL.createFetcher({ url: root.dataset.endpoint, headers: headers });
  var example = "# The counsellor CMS's GraphQL API (docs/api.md). Press Ctrl-Enter to run.\n" +
    "{\n  content(limit: 5) {\n    count\n    items { id title path }\n  }\n}\n";
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: example,
      defaultEditorToolsVisibility: true,
    })
  );
})();
