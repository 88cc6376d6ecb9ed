// Actors page: choosing a type or a country applies it at once (the form works
// without this script too, by its button).
"use strict";

(() => {
  const form = document.getElementById("actor-filters");
  for (const select of form.querySelectorAll("select")) {
    select.addEventListener("change", () => form.requestSubmit());
  }
})();
