// The browsable public API: Swagger UI (served by the gateway from smallrye-open-api-ui) reading the
// document the gateway merges from the services at /openapi. "Authorize" takes an API key; it stays in
// this page's memory and goes only to this gateway.
"use strict";
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi",
    dom_id: "#swagger-ui",
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    persistAuthorization: false,
  });
});
