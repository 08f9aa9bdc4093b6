// Draws a ring with cytoscape and the fcose force layout (all served from our own origin). The data comes
// from the page's <script type="application/json" id="ring-data"> block (no inline script: CSP). One edge
// per pair of applications; nodes coloured and shaped by band, with the band written in the label too.
// Without JavaScript the section stays hidden and the tables carry the same information.
;(function () {
  var section = document.getElementById('ring-graph-section')
  var el = document.getElementById('ring-graph')
  var dataEl = document.getElementById('ring-data')
  var detail = document.getElementById('ring-graph-detail')
  if (!section || !el || !dataEl || typeof window.cytoscape !== 'function') return
  var data
  try {
    data = JSON.parse(dataEl.textContent || '{}')
  } catch {
    return
  }
  if (!data.nodes || !data.nodes.length) return

  var MAX_ZOOM = 1.5
  var fcose = typeof window.cytoscapeFcose === 'function'
  if (fcose && !window.cytoscape.__fcoseRegistered) {
    window.cytoscape.use(window.cytoscapeFcose)
    window.cytoscape.__fcoseRegistered = true
  }

  section.hidden = false
  // Room grows with the ring so labels keep a readable size; set through the CSSOM (allowed by the CSP).
  var n = data.nodes.length
  el.style.width = '100%'
  var narrow = el.clientWidth < 600
  el.style.height = Math.max(320, Math.min(900, narrow ? 200 + 90 * n : 160 + 50 * n)) + 'px'
  el.style.border = '1px solid #b1b4b6'

  // Many edge labels would overlap: past a dozen pairs they show for the pair pointed at or selected.
  var edgeLabels = data.edges.length <= 12
  var byId = {}
  data.nodes.forEach(function (node) { byId[node.id] = node })

  var cy = window.cytoscape({
    container: el,
    elements: data.nodes
      .map(function (node) {
        // Two short lines (reference, then band) keep labels narrow, so the layout stays compact on a phone.
        var short = String(node.label).replace(' (', '\n(')
        return { group: 'nodes', data: { id: node.id, label: short, short: short, name: node.name, reference: node.reference, band: node.band, colour: node.colour, shape: node.shape } }
      })
      .concat(
        data.edges.map(function (e) {
          return { group: 'edges', classes: (e.joined ? 'joined' : 'supporting') + (edgeLabels ? ' labelled' : ''), data: { id: e.id, source: e.source, target: e.target, label: e.label, width: e.width } }
        }),
      ),
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(colour)', shape: 'data(shape)', width: 26, height: 26,
          label: 'data(label)', 'font-size': 12, color: '#0b0c0c', 'text-valign': 'bottom', 'text-margin-y': 4,
          'text-wrap': 'wrap', 'text-max-width': 180,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2,
          'border-width': 2, 'border-color': '#ffffff',
        },
      },
      { selector: 'node.focused', style: { 'border-color': '#0b0c0c', 'border-width': 3, 'z-index': 10 } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': '#6f777b', 'curve-style': 'straight', 'font-size': 11, color: '#0b0c0c' } },
      { selector: 'edge.supporting', style: { 'line-style': 'dashed' } },
      { selector: 'edge.labelled, edge.focused', style: { label: 'data(label)', 'text-background-color': '#ffffff', 'text-background-opacity': 0.9, 'text-background-padding': 2 } },
      { selector: 'edge.focused', style: { 'line-color': '#0b0c0c', 'z-index': 10 } },
    ],
    layout: fcose
      ? { name: 'fcose', quality: 'proof', animate: false, randomize: true, nodeDimensionsIncludeLabels: true, idealEdgeLength: 140, nodeRepulsion: 12000, nodeSeparation: 120, padding: 30, packComponents: true }
      : { name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: 140, nodeRepulsion: 12000, padding: 30 },
    // Fitting a small ring must not blow it up to poster size.
    maxZoom: MAX_ZOOM,
    // The page scrolls over the drawing (a phone must not be trapped in it); nodes can still be dragged.
    userZoomingEnabled: false,
    userPanningEnabled: false,
    boxSelectionEnabled: false,
  })

  // A force layout has no preferred direction: turn a tall drawing on its side in a wide box (and the other
  // way on a phone) so fitting it leaves the labels a readable size, unless turning it makes labels
  // collide; then give the box the drawing's proportions.
  function swap() {
    cy.nodes().positions(function (node) {
      var p = node.position()
      return { x: p.y, y: p.x }
    })
  }
  function labelsCollide() {
    var boxes = cy.nodes().map(function (node) { return node.boundingBox({ includeLabels: true }) })
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i]
        var b = boxes[j]
        if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) return true
      }
    }
    return false
  }
  function orient() {
    var bb = cy.nodes().boundingBox({ includeLabels: true })
    if (bb.h > bb.w !== el.clientHeight > el.clientWidth && Math.abs(bb.h - bb.w) > 20) {
      swap()
      if (labelsCollide()) swap()
      bb = cy.nodes().boundingBox({ includeLabels: true })
    }
    // As tall as the drawing needs at its width (never past the zoom cap), within most of the screen.
    var wanted = Math.round(Math.min((el.clientWidth * bb.h) / Math.max(bb.w, 1), bb.h * MAX_ZOOM)) + 60
    var tallest = Math.max(320, Math.min(900, Math.round(window.innerHeight * 0.8)))
    el.style.height = Math.max(280, Math.min(tallest, wanted)) + 'px'
    cy.resize()
    cy.fit(undefined, 30)
  }
  orient()

  function say(text) {
    if (detail) detail.textContent = text
  }
  function clear() {
    cy.elements('.focused').forEach(function (x) {
      x.removeClass('focused')
      if (x.isNode()) x.data('label', x.data('short'))
    })
  }
  function focusNode(node) {
    clear()
    node.addClass('focused')
    node.data('label', node.data('short') + '\n' + node.data('name'))
    say(node.data('reference') + ', ' + node.data('name') + ': band ' + node.data('band') + ', linked to ' + node.connectedEdges().length + ' of the others')
  }
  function focusEdge(edge) {
    clear()
    edge.addClass('focused')
    var a = byId[edge.data('source')]
    var b = byId[edge.data('target')]
    say((a ? a.name : '') + ' and ' + (b ? b.name : '') + ' share: ' + edge.data('label') + (edge.hasClass('supporting') ? ' (supporting only: not joined)' : ''))
  }
  cy.on('mouseover tap', 'node', function (evt) { focusNode(evt.target) })
  cy.on('mouseover tap', 'edge', function (evt) { focusEdge(evt.target) })
  cy.on('tap', function (evt) {
    if (evt.target === cy) {
      clear()
      say('Nothing selected.')
    }
  })
  window.addEventListener('resize', function () {
    cy.resize()
    orient()
  })
  // For the browser tests (and curious reviewers): the drawn graph.
  window.__ringGraph = cy
})()
