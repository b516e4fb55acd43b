// Drafts of <hp-message-form> in sessionStorage, one per organization, user and form:
// `hp-message-form:<org>:<user>:<form>` (what is kept: fill-state.ts).

const PREFIX = 'hp-message-form:';

/** The session's storage, or null where there is none or it is refused. */
export const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
};

/** The storage key of the draft of form `form` of `owner` ("org:user"). */
export const draftKey = (owner: string, form: string) => `${PREFIX}${owner}:${form}`;

/** Removes every draft of `owner` ("org:user"), e.g. when that user signs out. */
export function clearDrafts(owner: string): void {
  const store = storage();
  if (!store) return;
  const prefix = draftKey(owner, '');
  for (const key of Object.keys(store)) if (key.startsWith(prefix)) store.removeItem(key);
}
