// Defines the statement's payment views (open items with the EPC QR code, expense accounts).
export {};
