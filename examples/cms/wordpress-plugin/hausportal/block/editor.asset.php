<?php
/**
 * Dependencies of editor.js (written by hand: the editor script needs no build step).
 *
 * @package Hausportal
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
	'version'      => '0.1.0',
);
