/**
 * The phone console's live sales entry (场控): per product (or deal) of the segment on air, +1 / +5 / +10 and a typed
 * number (added, or as the running total); current and peak viewers; a note. The same entries as the desktop
 * console (shared/runner/live-sales.ts), sent as `recordSale` commands through the page's queue.
 *
 * Invariants:
 * - shown only to a role the table lets record sales (Host, Controller); the server refuses the others anyway, with
 *   a sentence;
 * - units shown are the runner's summary (state.sales), never added up here;
 * - an entry the runner's door would refuse is not sent: the page says why, in the phone's language, and keeps what
 *   was typed;
 * - rows are rebuilt only when the segment on air (or the language) changes (with new ids, so the page's DomWriter
 *   never skips a write for an id it saw before); units are written in place;
 * - text only, never markup; every control has an accessible name that names its product.
 */
import { saleLimits, saleProblemOf, salesRows, type RecordSaleArgs, type SalesRow } from '../../../../shared/runner/live-sales';
import type { RunnerState, SnapshotSegment } from '../../../../shared/runner/runner.types';
import type { PageI18n } from '../../i18n/page-i18n';

export interface SalesSectionDeps {
  t: PageI18n['t'];
  language: () => string;
  /** True when this phone's role may record sales. */
  allowed: () => boolean;
  /** True while commands cannot be sent (link down, not synced). */
  blocked: () => boolean;
  /** Queues a command with a label for the pending list. */
  send: (entry: RecordSaleArgs, label: string) => void;
  element: (id: string) => HTMLElement;
  setText: (id: string, text: string) => void;
  show: (id: string, visible: boolean) => void;
}

const STEPS = [1, 5, 10] as const;

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = text;
  el.setAttribute('aria-label', label);
  el.addEventListener('click', onClick);
  return el;
}

export function createSalesSection(deps: SalesSectionDeps): { render(state: RunnerState, segment: SnapshotSegment): void } {
  const { t } = deps;
  let rowsFor: string | null = null;
  let rows: SalesRow[] = [];
  // Row ids carry the build they belong to: the page's DomWriter remembers what it wrote per id.
  let build = 0;

  const problem = (entry: RecordSaleArgs): boolean => {
    const found = saleProblemOf(entry);
    deps.setText('sales-problem', found === null ? '' : t(`saleProblem_${found}`, { ...saleLimits(deps.language()) }));
    return found !== null;
  };
  const submit = (entry: RecordSaleArgs, label: string): boolean => {
    if (deps.blocked() || problem(entry)) return false;
    deps.send(entry, label);
    return true;
  };
  const numberIn = (id: string): number | undefined => {
    const raw = (deps.element(id) as HTMLInputElement).value.trim();
    return raw === '' ? undefined : Number(raw);
  };

  function buildRows(): void {
    const box = deps.element('sales-rows');
    box.replaceChildren(
      ...rows.map((row, index) => {
        const target = { ...(row.productId !== undefined ? { productId: row.productId } : {}), segmentId: row.segmentId };
        const wrap = document.createElement('div');
        wrap.className = 'sales-row';
        const name = document.createElement('p');
        name.className = 'next-title';
        name.textContent = row.name;
        const units = document.createElement('p');
        units.className = 'big-number';
        units.id = `sales-units-${build}-${index}`;
        units.setAttribute('aria-label', t('unitsSoldOf', { name: row.name }));
        const steps = document.createElement('div');
        steps.className = 'row';
        for (const step of STEPS) {
          const label = t('addStep', { n: step, name: row.name });
          steps.appendChild(button(`+${step}`, label, () => void submit({ kind: 'units', ...target, mode: 'add', units: step }, label)));
        }
        const typed = document.createElement('div');
        typed.className = 'row';
        const input = document.createElement('input');
        input.type = 'number';
        input.inputMode = 'numeric';
        input.id = `sales-typed-${build}-${index}`;
        input.setAttribute('aria-label', t('typedUnits', { name: row.name }));
        const typedEntry = (mode: 'add' | 'total', label: string) => {
          const value = numberIn(input.id);
          if (value === undefined) return;
          if (submit({ kind: 'units', ...target, mode, units: value }, label)) input.value = '';
        };
        const addLabel = t('addTyped', { name: row.name });
        const totalLabel = t('setTotal', { name: row.name });
        typed.append(input, button(t('addUnits'), addLabel, () => typedEntry('add', addLabel)), button(t('totalUnits'), totalLabel, () => typedEntry('total', totalLabel)));
        wrap.append(name, units, steps, typed);
        return wrap;
      }),
    );
  }

  deps.element('sales-save-viewers').addEventListener('click', () => {
    const current = numberIn('sales-current');
    const peak = numberIn('sales-peak');
    const entry: RecordSaleArgs = { kind: 'viewers', ...(current !== undefined ? { current } : {}), ...(peak !== undefined ? { peak } : {}) };
    if (!submit(entry, t('saveViewers'))) return;
    (deps.element('sales-current') as HTMLInputElement).value = '';
    (deps.element('sales-peak') as HTMLInputElement).value = '';
  });
  deps.element('sales-add-note').addEventListener('click', () => {
    const input = deps.element('sales-note') as HTMLInputElement;
    if (submit({ kind: 'note', text: input.value }, t('addNote'))) input.value = '';
  });

  return {
    render(state, segment) {
      const visible = deps.allowed() && state.status !== 'idle';
      deps.show('sales', visible);
      if (!visible || !state.snapshot) return;
      const key = `${segment.id}|${deps.language()}`;
      rows = salesRows(state.snapshot, segment, state.sales);
      if (rowsFor !== key) {
        rowsFor = key;
        build += 1;
        buildRows();
      }
      rows.forEach((row, index) => deps.setText(`sales-units-${build}-${index}`, t('unitsSold', { n: row.units })));
      deps.setText('sales-total', t('salesTotal', { n: state.sales.totalUnits }));
      deps.setText('sales-viewers', t('viewersNow', { current: state.sales.currentViewers ?? '—', peak: state.sales.peakViewers ?? '—' }));
      const off = deps.blocked() || state.status === 'ended';
      for (const el of deps.element('sales').querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input')) el.disabled = off;
    },
  };
}
