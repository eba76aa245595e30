// The workbench without reloads: "Save" beside a passage sends that passage alone and shows the
// answer beside it. Without this script the same button saves the section's changed passages.
(function () {
  'use strict';
  var form = document.querySelector('form[data-passage-save]');
  if (!form || !window.fetch || !window.FormData) {
    return;
  }
  var url = form.getAttribute('data-passage-url');
  var csrf = form.querySelector('input[name="_csrf"]');

  function field(passage, name) {
    return passage.querySelector('[name="' + name + '"]');
  }

  function show(passage, message, kind) {
    var status = passage.querySelector('.passage-status');
    status.textContent = message;
    status.className = 'passage-status ' + kind;
  }

  form.addEventListener('click', function (event) {
    var button = event.target.closest('button.save-passage');
    if (!button) {
      return;
    }
    event.preventDefault();
    var passage = button.closest('.passage');
    var body = new URLSearchParams();
    body.append('key', field(passage, 'key').value);
    body.append('base', field(passage, 'base').value);
    body.append('text', field(passage, 'text').value);
    if (csrf) {
      body.append('_csrf', csrf.value);
    }
    button.disabled = true;
    show(passage, 'Saving…', 'pending');
    fetch(url, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().then(function (answer) { return { status: response.status, answer: answer }; });
      })
      .then(function (result) {
        var answer = result.answer;
        if (result.status === 200) {
          field(passage, 'base').value = answer.base;
          passage.classList.remove('translated', 'outdated', 'missing');
          passage.classList.add(answer.state.toLowerCase());
          show(passage, answer.message, 'ok');
        } else if (result.status === 409) {
          field(passage, 'base').value = answer.base;
          show(passage, answer.message + ' Their text: ' + answer.theirs, 'error');
        } else {
          show(passage, answer.message || 'Not saved.', 'error');
        }
      })
      .catch(function () {
        show(passage, 'Not saved: the server did not answer. Your text is still in the field.', 'error');
      })
      .then(function () {
        button.disabled = false;
      });
  });
}());
