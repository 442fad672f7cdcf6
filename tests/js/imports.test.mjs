// The browser's modules (assets/*.mjs) import one another without a cycle, every import names a
// module that is there, every module is reached from the entry (assets/main.mjs), and only the seam
// to Dash (assets/dash.mjs) touches Dash's globals or sets a global of the page's.
// Run: node --test tests/js/   (make test runs it).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

const ASSETS = new URL('../../assets/', import.meta.url);
const ENTRY = 'main.mjs';
const SEAM = 'dash.mjs';

// Static imports and re-exports (`import … from './x.mjs'`, `import './x.mjs'`, `export … from`)
// and dynamic ones (`import('./x.mjs')`) of a module's source, as written.
export function importsOf(source) {
  const pattern = /^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;
  return [...source.matchAll(pattern)].map((m) => m[1] || m[2] || m[3]);
}

// The import graph of the modules in `folder`: { 'a.mjs': ['b.mjs', …] } (relative imports only).
function graphOf(folder) {
  const graph = {};
  for (const name of readdirSync(folder).filter((f) => f.endsWith('.mjs')).sort()) {
    graph[name] = importsOf(readFileSync(new URL(name, folder), 'utf8'))
      .filter((spec) => spec.startsWith('./')).map((spec) => spec.slice(2));
  }
  return graph;
}

// A cycle of `graph` as the list of its modules, first repeated at the end ([] when there is none).
export function findCycle(graph) {
  const state = {}; // 1: on the current path, 2: done
  const path = [];
  const visit = (node) => {
    if (state[node] === 2) return [];
    if (state[node] === 1) return [...path.slice(path.indexOf(node)), node];
    state[node] = 1;
    path.push(node);
    for (const next of graph[node] || []) {
      const cycle = visit(next);
      if (cycle.length) return cycle;
    }
    path.pop();
    state[node] = 2;
    return [];
  };
  for (const node of Object.keys(graph)) {
    const cycle = visit(node);
    if (cycle.length) return cycle;
  }
  return [];
}

const graph = graphOf(ASSETS);

test('the cycle finder finds a cycle, a self-import, and none in a tree', () => {
  assert.deepEqual(findCycle({ 'a.mjs': ['b.mjs'], 'b.mjs': ['c.mjs'], 'c.mjs': ['a.mjs'] }),
    ['a.mjs', 'b.mjs', 'c.mjs', 'a.mjs']);
  assert.deepEqual(findCycle({ 'a.mjs': ['a.mjs'] }), ['a.mjs', 'a.mjs']);
  assert.deepEqual(findCycle({ 'a.mjs': ['b.mjs', 'c.mjs'], 'b.mjs': ['c.mjs'], 'c.mjs': [] }), []);
  assert.deepEqual(importsOf("import * as x from './x.mjs';\nimport { a,\n  b } from './y.mjs';\n"
    + "import './z.mjs';\nexport { c } from './w.mjs';\nconst m = import('./v.mjs');"),
  ['./x.mjs', './y.mjs', './z.mjs', './w.mjs', './v.mjs']);
});

test('the browser modules import one another without a cycle', () => {
  assert.ok(Object.keys(graph).length > 10, 'the modules are read');
  const cycle = findCycle(graph);
  assert.deepEqual(cycle, [], `import cycle: ${cycle.join(' → ')}`);
});

test('every import names a module in assets/, and every module is reached from the entry', () => {
  for (const [name, imports] of Object.entries(graph)) {
    for (const target of imports) assert.ok(target in graph, `${name} imports ${target}, which is not there`);
  }
  const reached = new Set();
  const reach = (name) => { if (!reached.has(name)) { reached.add(name); graph[name].forEach(reach); } };
  reach(ENTRY);
  assert.deepEqual(Object.keys(graph).filter((name) => !reached.has(name)), []);
});

test('only the seam touches Dash or sets a global of the page', () => {
  for (const name of Object.keys(graph)) {
    const source = readFileSync(new URL(name, ASSETS), 'utf8');
    if (name === SEAM) continue;
    assert.doesNotMatch(source, /dash_clientside|set_props|orbital[A-Z]\w*/, name);
    // Cesium's own setting is the only global another module sets (viewer.mjs).
    const sets = [...source.matchAll(/\b(?:window|globalThis|self)\.(\w+)\s*=[^=]/g)].map((m) => m[1]);
    assert.deepEqual(sets.filter((global) => global !== 'CESIUM_BASE_URL'), [], name);
  }
});
