// Starts Swagger UI on the docs page. A file, not an inline script, so the page's CSP can say
// script-src 'self'. The page passes the OpenAPI document's URL in a data attribute.
window.addEventListener("load", function () {
  var container = document.getElementById("swagger-ui-container");
  window.ui = SwaggerUIBundle({
    url: container.dataset.specUrl,
    dom_id: "#swagger-ui-container",
    deepLinking: true,
    // No badge fetched from a third-party validator.
    validatorUrl: null,
  });
});
