// Accord's one script: search as you type. An <input data-suggest="URL"> asks URL?q=TEXT for at most ten
// matches ([{"id", "label", "detail"}]) as the user types, and offers them in the <datalist> the input names (the name is
// what gets submitted and the server resolves it) or, with data-suggest-target, as the options of that <select>
// (the id is what gets submitted). Every field also works without this script: submitting the form is the search.
(function () {
  "use strict";
  function attach(input) {
    var target = document.getElementById(input.getAttribute("data-suggest-target") || input.getAttribute("list"));
    if (!target) return;
    var isSelect = target.tagName === "SELECT";
    var timer = null;
    var asked = null;
    function show(items, text) {
      if (input.value.trim() !== text) return;
      var blank = isSelect ? target.querySelector('option[value=""]') : null;
      target.replaceChildren();
      if (blank) {
        blank.textContent = items.length ? "Choose a person" : (text ? "Nobody found" : "Find people first");
        target.appendChild(blank);
      }
      items.forEach(function (item) {
        var option = document.createElement("option");
        option.value = isSelect ? item.id : item.label;
        option.textContent = item.label;
        if (item.detail && !isSelect) option.label = item.detail;
        target.appendChild(option);
      });
      if (isSelect && items.length === 1) target.value = items[0].id;
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var text = input.value.trim();
        if (text === asked) return;
        asked = text;
        if (!text && !isSelect) { show([], text); return; }
        var url = input.getAttribute("data-suggest");
        fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text), {
          credentials: "same-origin", headers: { Accept: "application/json" }
        }).then(function (response) { return response.ok ? response.json() : []; })
          .then(function (items) { show(items, text); })
          .catch(function () { /* offline or signed out: the form still works by submitting */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
