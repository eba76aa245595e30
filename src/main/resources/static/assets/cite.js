// "Cite this passage": the cite link beside each passage opens its citations (plain text, BibTeX,
// CSL-JSON) in place, each copyable with one click. Without JavaScript the link opens the citation page.
(function () {
  'use strict';

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'visually-hidden';
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand('copy');
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  // Adds a copy button after every citation text inside the container.
  function addCopyButtons(container, labels) {
    container.querySelectorAll('.citation-text').forEach(function (pre) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'cite-copy';
      button.textContent = labels.copy;
      var heading = pre.getAttribute('aria-labelledby');
      if (heading && container.querySelector('#' + CSS.escape(heading))) {
        button.setAttribute('aria-describedby', heading);
      }
      var status = document.createElement('span');
      status.className = 'cite-status';
      status.setAttribute('role', 'status');
      button.addEventListener('click', function () {
        copy(pre.textContent).then(function () {
          status.textContent = labels.copied;
        }, function () {
          var range = document.createRange();
          range.selectNodeContents(pre);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        });
      });
      pre.insertAdjacentElement('afterend', status);
      pre.insertAdjacentElement('afterend', button);
    });
  }

  function labelsOf(section) {
    return {
      copy: section.getAttribute('data-copy-label') || 'Copy',
      copied: section.getAttribute('data-copied-label') || 'Copied',
      close: section.getAttribute('data-close-label') || 'Close'
    };
  }

  function open(link) {
    // the passage: the block or heading whose links hold this one
    var block = link.closest(".block, h2") || link.parentElement;
    var next = block.nextElementSibling;
    if (next && next.classList.contains('cite-menu')) {
      next.remove();
      link.setAttribute('aria-expanded', 'false');
      return;
    }
    fetch(link.href, { headers: { 'Accept': 'text/html' } }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, 'text/html');
      var section = page.querySelector('.citations');
      if (!section) { throw new Error('no citations'); }
      var labels = labelsOf(section);
      var menu = document.createElement('div');
      menu.className = 'cite-menu';
      menu.setAttribute('role', 'group');
      menu.setAttribute('aria-label', link.getAttribute('aria-label'));
      // ids must stay unique on the reader's page: the menu's are suffixed with the passage's anchor
      section.querySelectorAll('[id]').forEach(function (element) { element.id = element.id + '--' + block.id; });
      section.querySelectorAll('[aria-labelledby]').forEach(function (element) {
        element.setAttribute('aria-labelledby', element.getAttribute('aria-labelledby') + '--' + block.id);
      });
      section.querySelectorAll('.visually-hidden').forEach(function (element) { element.remove(); });
      while (section.firstChild) { menu.appendChild(document.adoptNode(section.firstChild)); }
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'cite-close';
      close.textContent = labels.close;
      close.addEventListener('click', function () {
        menu.remove();
        link.setAttribute('aria-expanded', 'false');
        link.focus();
      });
      menu.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') { close.click(); }
      });
      menu.insertBefore(close, menu.firstChild);
      addCopyButtons(menu, labels);
      block.insertAdjacentElement('afterend', menu);
      link.setAttribute('aria-expanded', 'true');
      var first = menu.querySelector('.cite-copy');
      if (first) { first.focus(); }
    }).catch(function () {
      window.location.href = link.href;
    });
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a.cite-link') : null;
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) { return; }
    event.preventDefault();
    open(link);
  });

  // on the citation page itself, the copy buttons
  document.addEventListener('DOMContentLoaded', function () {
    var section = document.querySelector('main .citations');
    if (section) { addCopyButtons(section, labelsOf(section)); }
  });
}());
