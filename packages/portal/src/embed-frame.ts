/** Frame side of iframe mode, loaded by the `/embed/portal` page. */
export {};
