// Accessible names and roles for what Dash 4's components render without them (axe-core's serious
// findings, tests/test_presentation.py): option lists named and given the role of what they are (a
// radio group, a group of checkboxes) instead of a listbox of options wrapping inputs; the dropdowns'
// Tab stop named (it hands focus to the dropdown at once) instead of hidden from assistive technology
// while focusable; the slider, its number box, the link box and the file input named. Applied again
// whenever Dash renders or re-renders.

// Names of controls that have no <label for=…> beside them, by the control's id.
const NAMES = {
  speed: 'clock speed',
  'colour-mode': 'colour satellites by',
  'show-orbits': 'orbits shown',
  shells: 'shells shown',
  'globe-overlays': 'network overlays on the globe',
  'path-city': 'city the path starts from',
  'share-link': 'link to this view',
  'time-slider': 'clock time, seconds from the start of the window',
  upload: 'catalogue file',
};

// The name of the control with `id`: its <label for=…>'s text, else NAMES's.
function nameOf(id) {
  const label = id && globalThis.document.querySelector(`label[for="${CSS.escape(id)}"]`);
  return (label && label.textContent.trim()) || NAMES[id] || '';
}

function setName(element, name) {
  if (name && !element.getAttribute('aria-label')) element.setAttribute('aria-label', name);
}

// Brings everything under `root` to the rules above (idempotent: a second pass changes nothing).
export function fix(root) {
  for (const list of root.querySelectorAll('.dash-options-list[role="listbox"]')) {
    list.setAttribute('role', list.classList.contains('dash-radioitems') ? 'radiogroup' : 'group');
  }
  for (const list of root.querySelectorAll('.dash-options-list')) setName(list, nameOf(list.id));
  for (const option of root.querySelectorAll('.dash-options-list-option[role="option"], .dash-options-list-option[aria-selected]')) {
    option.removeAttribute('role');
    option.removeAttribute('aria-selected');
  }
  for (const target of root.querySelectorAll('.dash-dropdown-focus-target[aria-hidden]')) {
    target.removeAttribute('aria-hidden');
    setName(target, nameOf(target.nextElementSibling && target.nextElementSibling.id));
  }
  for (const slider of root.querySelectorAll('.dash-slider-container')) {
    const name = nameOf(slider.id);
    slider.querySelectorAll('[role="slider"], input').forEach((element) => setName(element, name));
  }
  for (const input of root.querySelectorAll('input[id]:not([aria-label])')) setName(input, NAMES[input.id]);
  for (const upload of root.querySelectorAll('[id] input[type="file"]')) setName(upload, nameOf(upload.closest('[id]').id));
}

// Fixes the page now and after every change Dash makes to it.
export function watch(document) {
  let pending = false;
  const again = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      fix(document);
    });
  };
  new MutationObserver(again).observe(document.documentElement, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected', 'aria-hidden'],
  });
  again();
}
