<?php
/**
 * What wp_kses_post() keeps of the plugin's markup.
 *
 * The shortcode and the block print after kses: WordPress filters an author's text when it is saved (without
 * `unfiltered_html`), and then it holds only the shortcode. Themes and page builders that run wp_kses_post() on the
 * rendered content again would strip the unknown `hp-*` elements, so the plugin adds exactly what its own output uses
 * to the `post` context: the session with the configured API only (never another address a password could be sent
 * to), an organization slug and `de`/`en`; the widget elements without attributes. Scripts stay forbidden.
 *
 * @package Hausportal
 */

defined( 'ABSPATH' ) || exit;

/**
 * Filter `wp_kses_allowed_html`: adds the session and widget elements to the `post` context.
 *
 * @param array  $tags    Allowed elements => allowed attributes (see wp_kses_check_attr_val() for the checks).
 * @param string $context The kses context.
 * @return array The elements, with `hp-session` and the widgets for `post`.
 */
function hausportal_kses_allowed_html( $tags, $context ) {
	// Not while a post is saved: an author's own <hp-session> would stay without its (foreign) api and then send the
	// login to the WordPress site's /api. Authors use the shortcode or the block, which print at render time.
	if ( 'post' !== $context || '' === hausportal_settings()['portal_url'] || doing_filter( 'content_save_pre' ) ) {
		return $tags;
	}
	$tags['hp-session'] = array(
		'api'  => array(
			'value_callback' => static function ( $value ) {
				return hausportal_api_url() === $value;
			},
		),
		'org'  => array( 'value_callback' => 'hausportal_is_org' ),
		'lang' => array( 'values' => array( 'de', 'en' ) ),
	);
	foreach ( hausportal_widget_tags() as $tag ) {
		$tags[ $tag ] = array();
	}
	return $tags;
}

/**
 * Whether `$value` is an organization slug (kses value_callback).
 *
 * @param string $value Attribute value.
 * @return bool
 */
function hausportal_is_org( $value ) {
	return '' !== $value && hausportal_clean_org( $value ) === $value;
}
