// Accord's one script: search as you type. An <input data-suggest="URL"> asks URL?q=TEXT for at most ten
// matches ([{"id", "label", "detail"}]) as the user types, and offers them in the <datalist> the input names (the name is
// what gets submitted and the server resolves it) or, with data-suggest-target, as the options of that <select>
// (the id is what gets submitted). On a form, data-choice-id names the hidden input that holds the chosen record's
// id: picking a suggestion whose name is the only one of its kind sets it, typing anything else empties it (the
// server then resolves the name). data-suggest-among names an element (the partner field) whose value, when set,
// narrows the completions to that organisation (among=ID). Every field also works without this script: submitting
// the form is the search.
(function () {
  "use strict";
  function attach(input) {
    var target = document.getElementById(input.getAttribute("data-suggest-target") || input.getAttribute("list"));
    if (!target) return;
    var isSelect = target.tagName === "SELECT";
    var chosen = document.getElementById(input.getAttribute("data-choice-id") || "");
    var scope = document.getElementById(input.getAttribute("data-suggest-among") || "");
    var timer = null;
    var asked = null;
    var offered = [];
    function show(items, text) {
      if (input.value.trim() !== text) return;
      offered = items;
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
    function address(text) {
      var url = input.getAttribute("data-suggest");
      if (scope && scope.value) url = url.replace(/([?&]among=)[^&]*/, "$1" + encodeURIComponent(scope.value));
      return url + (url.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(text);
    }
    input.addEventListener("input", function () {
      var text = input.value.trim();
      if (chosen) {
        var same = offered.filter(function (item) { return item.label === text; });
        chosen.value = same.length === 1 ? same[0].id : "";
      }
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = address(text);
        if (url === asked) return;
        asked = url;
        if (!text && !isSelect) { show([], text); return; }
        fetch(url, {
          credentials: "same-origin", headers: { Accept: "application/json" }
        }).then(function (response) { return response.ok ? response.json() : []; })
          .then(function (items) { show(items, text); })
          .catch(function () { /* offline or signed out: the form still works by submitting */ });
      }, 150);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
