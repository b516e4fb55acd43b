/**
 * Editor side of the block "Hausportal" (hausportal/portal), written for the browser as it is, without a build step.
 * The block is dynamic: it saves only its attributes, and the server prints the widgets (hausportal_render_block in
 * hausportal.php). In the editor it shows what it will print; the sidebar chooses widgets, organization and language.
 */
(function (wp) {
  'use strict';
  var el = wp.element.createElement;
  var __ = wp.i18n.__;
  var components = wp.components;
  var blockEditor = wp.blockEditor;

  /** Widget name (as in the shortcode) → label. */
  var widgets = {
    login: __('Login', 'hausportal'),
    profile: __('Profile', 'hausportal'),
    'unit-list': __('Units', 'hausportal'),
    statement: __('Account statement', 'hausportal'),
    documents: __('Documents', 'hausportal'),
    'message-form': __('Message form', 'hausportal'),
    'ticket-list': __('Requests', 'hausportal'),
    'bulletin-board': __('Bulletin board', 'hausportal'),
    'chat-bot': __('Chat', 'hausportal'),
    portal: __('Whole portal', 'hausportal'),
  };

  /** The block's attributes with one widget switched on or off, in the order of `widgets`. */
  function toggled(chosen, name, on) {
    return Object.keys(widgets).filter(function (w) {
      return w === name ? on : chosen.indexOf(w) !== -1;
    });
  }

  function Edit(props) {
    var a = props.attributes;
    var set = props.setAttributes;
    var chosen = a.widgets || [];
    var checkboxes = Object.keys(widgets).map(function (name) {
      return el(components.CheckboxControl, {
        key: name,
        label: widgets[name],
        checked: chosen.indexOf(name) !== -1,
        onChange: function (on) { set({ widgets: toggled(chosen, name, on) }); },
      });
    });
    var sidebar = el(blockEditor.InspectorControls, null,
      el(components.PanelBody, { title: __('Widgets', 'hausportal') }, checkboxes),
      el(components.PanelBody, { title: __('Organization and language', 'hausportal') },
        el(components.TextControl, {
          label: __('Organization (empty: the default from Settings → Hausportal)', 'hausportal'),
          value: a.org,
          onChange: function (org) { set({ org: org }); },
        }),
        el(components.SelectControl, {
          label: __('Language', 'hausportal'),
          value: a.lang,
          options: [
            { value: '', label: __('Default', 'hausportal') },
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ],
          onChange: function (lang) { set({ lang: lang }); },
        })));
    var summary = chosen.map(function (name) { return widgets[name] || name; }).join(', ');
    return el('div', blockEditor.useBlockProps(),
      sidebar,
      el(components.Placeholder, {
        icon: 'admin-home',
        label: 'Hausportal',
        instructions: (summary || __('No widget chosen', 'hausportal')) + (a.org ? ' · ' + a.org : ''),
      }));
  }

  wp.blocks.registerBlockType('hausportal/portal', {
    edit: Edit,
    save: function () { return null; },
  });
})(window.wp);
