// Draws a ring's applications and links with cytoscape (served from our own origin). The tables on the
// page carry the same information for people who cannot use the drawing.
;(function () {
  var el = document.getElementById('ring-graph')
  if (!el || typeof window.cytoscape !== 'function') return
  var data = JSON.parse(el.getAttribute('data-graph') || '{"nodes":[],"edges":[]}')
  var colour = { low: '#2e7d32', elevated: '#b26a00', high: '#c62828', critical: '#6a1b9a', unscored: '#616161' }
  window.cytoscape({
    container: el,
    elements: data.nodes
      .map(function (n) { return { data: { id: n.id, label: n.label, colour: colour[n.band] || colour.unscored } } })
      .concat(data.edges.map(function (e, i) { return { data: { id: 'e' + i, source: e.source, target: e.target, label: e.label } } })),
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 120 } },
      { selector: 'edge', style: { width: 2, 'line-color': '#90a4ae', label: 'data(label)', 'font-size': 9, 'curve-style': 'bezier' } },
    ],
    layout: { name: 'cose', animate: false },
    userZoomingEnabled: false,
  })
})()
