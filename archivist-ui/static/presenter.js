/* global document, window, EventSource */
// The presenter window follows the trainer's main window: the server says which page the trainer was last
// shown (a sequence number); when it is not the one on screen, the window reloads and shows it.
(function () {
  'use strict';
  var root = document.documentElement;
  var shown = root.getAttribute('data-presenter-seq');
  if (shown === null || typeof EventSource === 'undefined') {
    return;
  }
  var source = new EventSource('/archivist/presenter/events');
  source.addEventListener('page', function (event) {
    var seq;
    try {
      seq = String(JSON.parse(event.data).seq);
    } catch {
      return;
    }
    root.setAttribute('data-presenter', 'following');
    if (seq !== shown) {
      source.close();
      window.location.reload();
    }
  });
  source.addEventListener('error', function () {
    root.setAttribute('data-presenter', 'reconnecting');
  });
})();
