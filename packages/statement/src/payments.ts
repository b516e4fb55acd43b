// Public exports of the statement's payment views (open items, EPC payload, expense accounts).
export {};
