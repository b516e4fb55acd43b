<?php
/**
 * Plugin Name:       Hausportal
 * Description:       The tenant and owner portal in posts and pages: the shortcode [hausportal widgets="login,statement"] and the block "Hausportal" print the session and its widgets, and load hausportal.js once per page as a module script. Authors need no unfiltered_html capability.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * Text Domain:       hausportal
 *
 * @package Hausportal
 */

defined( 'ABSPATH' ) || exit;

define( 'HAUSPORTAL_VERSION', '0.1.0' );
define( 'HAUSPORTAL_DIR', __DIR__ );

require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/kses.php';

add_action( 'init', 'hausportal_register' );
add_action( 'admin_init', 'hausportal_register_settings' );
add_action( 'admin_menu', 'hausportal_add_settings_page' );
add_filter( 'script_loader_tag', 'hausportal_module_script_tag', 10, 2 );
add_filter( 'wp_script_attributes', 'hausportal_module_script_attributes' );
add_filter( 'wp_kses_allowed_html', 'hausportal_kses_allowed_html', 10, 2 );

/**
 * Registers the shortcode `[hausportal]` and the dynamic block `hausportal/portal` (block/block.json). Both print
 * through hausportal_render(), so they give the same markup. Runs on `init`.
 *
 * @return void
 */
function hausportal_register() {
	add_shortcode( 'hausportal', 'hausportal_shortcode' );
	register_block_type(
		__DIR__ . '/block',
		array( 'render_callback' => 'hausportal_render_block' )
	);
}

/**
 * The shortcode `[hausportal widgets="login,statement" org="immopro" lang="de"]`.
 *
 * @param array|string $atts The shortcode's attributes ('' when it has none).
 * @return string The markup of hausportal_render().
 */
function hausportal_shortcode( $atts ) {
	return hausportal_render( is_array( $atts ) ? $atts : array() );
}

/**
 * The block's server-side rendering. Block attributes (block/block.json): `widgets` (list of widget names), `org`
 * and `lang` (empty: the settings' default).
 *
 * @param array $attributes The block's attributes.
 * @return string The markup of hausportal_render().
 */
function hausportal_render_block( $attributes ) {
	$atts = array();
	if ( ! empty( $attributes['widgets'] ) ) {
		$atts['widgets'] = implode( ',', array_map( 'strval', (array) $attributes['widgets'] ) );
	}
	foreach ( array( 'org', 'lang' ) as $name ) {
		if ( ! empty( $attributes[ $name ] ) ) {
			$atts[ $name ] = (string) $attributes[ $name ];
		}
	}
	return hausportal_render( $atts );
}
