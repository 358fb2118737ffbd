/* global document, window, EventSource, fetch, DOMParser */
// Progressive enhancement of the archivist interface; every page works without it.
// - Live arrivals: a server-sent event stream adds each newly archived document to the side panel and,
//   when the results on screen are for the same client (or for no particular client), refreshes them.
// - "Mark all as matching" in the compare form.
// - After a search, focus moves to the results heading, so that a screen reader reads the count out and the
//   keyboard continues from the results instead of the top of the page.
(function () {
  'use strict';

  function text(el, value) {
    el.textContent = value;
    return el;
  }

  function refreshResults(arrival) {
    var results = document.getElementById('results');
    if (!results || results.tagName !== 'SECTION') {
      return;
    }
    var hetu = results.getAttribute('data-hetu');
    if (hetu && hetu !== arrival.hetu) {
      return;
    }
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (res) {
        return res.ok ? res.text() : Promise.reject(new Error(String(res.status)));
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('results');
        if (fresh) {
          // Overlapping arrivals: an earlier answer may already have replaced the section this one read.
          var current = document.getElementById('results') || results;
          var hadFocus = current.contains(document.activeElement);
          current.replaceWith(fresh);
          if (hadFocus) {
            focusResults();
          }
          var item = fresh.querySelector('a[href="' + arrival.href + '"]');
          if (item && item.closest('li')) {
            item.closest('li').classList.add('arrived');
          }
        }
      })
      .catch(function () {
        /* the side panel still shows the arrival */
      });
  }

  function startLive() {
    var panel = document.querySelector('[data-events]');
    var list = document.getElementById('live-list');
    var words = document.getElementById('live-text');
    if (!panel || !list || !words || typeof EventSource === 'undefined') {
      return;
    }
    var source = new EventSource(panel.getAttribute('data-events'));
    source.addEventListener('ready', function () {
      document.documentElement.setAttribute('data-live', 'connected');
    });
    source.addEventListener('error', function () {
      document.documentElement.setAttribute('data-live', 'reconnecting');
    });
    source.addEventListener('arrival', function (event) {
      var a;
      try {
        a = JSON.parse(event.data);
      } catch {
        return;
      }
      var li = document.createElement('li');
      li.setAttribute('data-document-id', a.documentId);
      li.appendChild(text(document.createElement('strong'), words.getAttribute('data-arrived')));
      var link = text(document.createElement('a'), a.documentType);
      link.href = a.href;
      li.appendChild(link);
      var facts = [a.hetuMasked, a.phase, a.date].filter(Boolean).join(' · ');
      li.appendChild(text(document.createElement('div'), facts));
      list.insertBefore(li, list.firstChild);
      while (list.children.length > 8) {
        list.removeChild(list.lastChild);
      }
      refreshResults(a);
    });
    window.addEventListener('pagehide', function () {
      source.close();
    });
  }

  function enhanceCompare() {
    var button = document.getElementById('mark-all');
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener('click', function () {
      var boxes = document.querySelectorAll('.compare-table input[type="checkbox"]');
      for (var i = 0; i < boxes.length; i++) {
        boxes[i].checked = true;
      }
    });
  }

  /** The results heading takes the focus (not the tab order: tabindex -1). */
  function focusResults() {
    var heading = document.getElementById('results-title');
    if (!heading) {
      return false;
    }
    heading.setAttribute('tabindex', '-1');
    heading.focus();
    return true;
  }

  /** A search was run (results on screen) and no field in error has claimed the focus. */
  function focusSearchResults() {
    if (document.querySelector('[aria-invalid="true"]') || !document.querySelector('section#results')) {
      return;
    }
    focusResults();
  }

  function start() {
    startLive();
    enhanceCompare();
    focusSearchResults();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
