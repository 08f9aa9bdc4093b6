// Keeps the import progress page current without holding a request open: polls the job's status
// every second and reloads once it has finished, to show the report. The page works without it.
;(function () {
  var root = document.getElementById('progress')
  if (!root) return
  var url = root.getAttribute('data-status-url')
  var state = root.getAttribute('data-status')
  if (state !== 'queued' && state !== 'running') return
  function tick() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null })
      .then(function (s) {
        if (!s) return
        root.querySelectorAll('[data-field]').forEach(function (el) {
          var v = s[el.getAttribute('data-field')]
          if (v === undefined || v === null) return
          if (el.tagName === 'PROGRESS') el.value = v
          else el.textContent = String(v)
        })
        if (s.status === 'done' || s.status === 'failed') window.location.reload()
        else setTimeout(tick, 1000)
      })
      .catch(function () { setTimeout(tick, 3000) })
  }
  setTimeout(tick, 1000)
})()
