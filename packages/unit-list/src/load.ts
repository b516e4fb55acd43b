import { dataOf, type ApiClient } from '@hausportal/api';
import { mergePage, type UnitData } from './model.js';

/** Page size used to load the list (the API's maximum). */
export const PAGE_SIZE = 200;

/** Loads every page of `GET /units` and merges them; throws an {@link ApiError} when a page fails. */
export async function loadAllUnits(api: ApiClient, signal: AbortSignal): Promise<UnitData> {
  let data: UnitData = { items: [], properties: [] };
  let cursor: string | undefined;
  do {
    const query = cursor ? { limit: PAGE_SIZE, cursor } : { limit: PAGE_SIZE };
    const page = await dataOf(api.GET('/units', { params: { query }, signal }));
    data = mergePage(data, page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return data;
}
