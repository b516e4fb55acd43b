// Settings of the accessibility addon (axe) for stories that differ from a page as it is built.

/**
 * For a story that shows the same widget twice on one page (one per organization, or in a light and a dark panel):
 * both copies name their regions and forms alike, which axe's landmark-unique rule reports. On a page each widget is
 * there once.
 */
export const sameWidgetTwice = { config: { rules: [{ id: 'landmark-unique', enabled: false }] } };
