/**
 * The explorer's filters in the browser (bundled by Astro as a file: no inline script, CSP-friendly). The page
 * is complete without it; with it, the form appears, filters apply at once, the state lives in the query string
 * (`?referentiel=securite&niveau=obligatoire&cible=ent`, repeated keys for several values, as a GET form would
 * send them), each change is a history entry, and the result count is announced politely.
 */
import { countSentence } from './format.ts';

type State = Map<string, Set<string>>;

interface Row {
  element: HTMLElement;
  values: Map<string, string[]>;
}

function readRows(root: HTMLElement, names: string[]): Row[] {
  return [...root.querySelectorAll<HTMLElement>('tbody tr')].map((element) => ({
    element,
    values: new Map(names.map((name) => [name, (element.dataset[name] ?? '').split(' ').filter(Boolean)])),
  }));
}

/** A row is kept when, in every group with checked values (except `skip`), it has one of them. */
function matches(row: Row, state: State, skip?: string): boolean {
  for (const [name, checked] of state) {
    if (name === skip || checked.size === 0) continue;
    if (!(row.values.get(name) ?? []).some((v) => checked.has(v))) return false;
  }
  return true;
}

export function initExplorer(): void {
  const root = document.querySelector<HTMLElement>('[data-explorateur]');
  const form = root?.querySelector<HTMLFormElement>('form[data-filtres]');
  const result = root?.querySelector<HTMLElement>('[data-resultat]');
  if (!root || !form || !result) return;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const names = [...new Set(boxes.map((box) => box.name))];
  const rows = readRows(root, names);

  const state = (): State => {
    const s: State = new Map(names.map((name) => [name, new Set<string>()]));
    for (const box of boxes) if (box.checked) s.get(box.name)?.add(box.value);
    return s;
  };
  const query = (): string => {
    const params = new URLSearchParams();
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  const fromUrl = () => {
    const params = new URLSearchParams(window.location.search);
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
  };
  const apply = () => {
    const s = state();
    let shown = 0;
    for (const row of rows) {
      const keep = matches(row, s);
      row.element.hidden = !keep;
      if (keep) shown++;
    }
    for (const box of boxes) {
      const n = rows.filter((row) => matches(row, s, box.name) && (row.values.get(box.name) ?? []).includes(box.value)).length;
      const output = box.parentElement?.querySelector('[data-compte]');
      if (output) output.textContent = String(n);
    }
    result.textContent = countSentence(shown, rows.length);
  };
  const commit = () => {
    apply();
    const search = query();
    if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
  };

  form.addEventListener('change', commit);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.querySelector('[data-effacer]')?.addEventListener('click', () => {
    for (const box of boxes) box.checked = false;
    commit();
  });
  window.addEventListener('popstate', () => {
    fromUrl();
    apply();
  });
  fromUrl();
  apply();
  form.hidden = false;
}
