// Follows the leader's screen: when the question on it changes, or the session ends, this page
// moves to what is current. Only a convenience: without JavaScript, "Uppdatera" does the same.
// An answer being typed is never thrown away; sending it then tells the phone the question
// changed, with the text kept.
(function () {
  "use strict";
  var body = document.body;
  var shown = body.getAttribute("data-follow");
  var home = body.getAttribute("data-home") || "/";
  if (shown === null) {
    return;
  }
  function typing() {
    var box = document.getElementById("answer");
    return box !== null && box.value.trim() !== "";
  }
  function check() {
    fetch("/state", { credentials: "same-origin", cache: "no-store" })
      .then(function (reply) {
        return reply.ok ? reply.json() : null;
      })
      .then(function (state) {
        if (state === null) {
          return;
        }
        if (state.ended || (state.q !== shown && !typing())) {
          window.location.assign(home);
        }
      })
      .catch(function () {
        // The laptop is out of reach for a moment (or the session's server has stopped).
      });
  }
  window.setInterval(check, 4000);
})();
