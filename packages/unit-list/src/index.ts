export { HpUnitList } from './hp-unit-list.js';
export { HpUnitSelectEvent } from './events.js';
export { unitsCsv, unitsSheet, exportFileName } from './sheet.js';
export { filterUnits, sortUnits, flatten, totals, mergePage, type UnitData, type UnitFilter, type SortKey, type SortState, type ListEntry } from './model.js';
