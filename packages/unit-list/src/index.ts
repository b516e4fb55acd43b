export { HpUnitList } from './hp-unit-list.js';
export { HpUnitSelectEvent } from './events.js';
export { unitsCsv, csvFileName } from './csv.js';
export { filterUnits, sortUnits, flatten, totals, mergePage, type UnitData, type UnitFilter, type SortKey, type SortState, type ListEntry } from './model.js';
