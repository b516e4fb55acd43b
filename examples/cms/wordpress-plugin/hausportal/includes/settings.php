<?php
/**
 * Settings → Hausportal (Settings API): the portal URL, the default organization and the language. Only people with
 * the `manage_options` capability (administrators) see and change them; authors only choose widgets and organization
 * in the shortcode or block, never where the widgets send passwords.
 *
 * @package Hausportal
 */

defined( 'ABSPATH' ) || exit;

const HAUSPORTAL_OPTION = 'hausportal_settings';

/**
 * The saved settings with defaults filled in.
 *
 * @return array{portal_url:string,org:string,lang:string} portal_url without a trailing slash ('' when unset),
 *         org a slug ('' when unset), lang `de`, `en` or '' (the page's language).
 */
function hausportal_settings() {
	$saved = get_option( HAUSPORTAL_OPTION, array() );
	return array_merge(
		array(
			'portal_url' => '',
			'org'        => '',
			'lang'       => '',
		),
		is_array( $saved ) ? array_intersect_key( $saved, array_flip( array( 'portal_url', 'org', 'lang' ) ) ) : array()
	);
}

/**
 * The API the widgets talk to: the portal URL + `/api` (filter `hausportal_api_url`).
 *
 * @return string Absolute URL.
 */
function hausportal_api_url() {
	return (string) apply_filters( 'hausportal_api_url', hausportal_settings()['portal_url'] . '/api' );
}

/**
 * The module script: the portal URL + `/dist/hausportal.js` (filter `hausportal_script_url`, e.g. for a copy of the
 * portal's dist folder on the site's own server).
 *
 * @return string Absolute URL.
 */
function hausportal_script_url() {
	return (string) apply_filters( 'hausportal_script_url', hausportal_settings()['portal_url'] . '/dist/hausportal.js' );
}

/**
 * An organization slug as the portal writes them (lower-case letters, digits and hyphens, up to 64), or ''.
 *
 * @param mixed $value Input.
 * @return string The slug, or '' when the input is none.
 */
function hausportal_clean_org( $value ) {
	$value = strtolower( trim( (string) $value ) );
	return preg_match( '/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/', $value ) ? $value : '';
}

/**
 * A language the widgets speak (`de`, `en`), or '' for the page's own `<html lang>`.
 *
 * @param mixed $value Input.
 * @return string `de`, `en` or ''.
 */
function hausportal_clean_lang( $value ) {
	$value = strtolower( trim( (string) $value ) );
	return in_array( $value, array( 'de', 'en' ), true ) ? $value : '';
}

/**
 * A portal base URL: http or https with a host (not protocol-relative), no user info, backslash, query or fragment;
 * trailing slashes removed.
 *
 * @param mixed $value Input.
 * @return string The URL, or '' when the input is none.
 */
function hausportal_clean_portal_url( $value ) {
	$raw = trim( (string) $value );
	// A backslash or user info makes an address read as another host (https://portal.example\@evil.example).
	if ( false !== strpbrk( $raw, '\\@' ) ) {
		return '';
	}
	$url   = untrailingslashit( esc_url_raw( $raw, array( 'http', 'https' ) ) );
	$parts = wp_parse_url( $url );
	if ( ! $parts || ! in_array( $parts['scheme'] ?? '', array( 'http', 'https' ), true ) || empty( $parts['host'] )
		|| isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
		return '';
	}
	return $url;
}

/**
 * Sanitizes the settings form (register_setting's sanitize_callback). A value that is not valid keeps the saved
 * one and adds a settings error that the page shows.
 *
 * @param mixed $input The posted array.
 * @return array{portal_url:string,org:string,lang:string}
 */
function hausportal_sanitize_settings( $input ) {
	$input = is_array( $input ) ? $input : array();
	$saved = hausportal_settings();
	$clean = array( 'lang' => hausportal_clean_lang( $input['lang'] ?? '' ) );
	$rules = array(
		'portal_url' => array( 'hausportal_clean_portal_url', __( 'The portal URL must be an http or https address, e.g. https://portal.example.com.', 'hausportal' ) ),
		'org'        => array( 'hausportal_clean_org', __( 'The organization is the short name from the portal, e.g. immopro.', 'hausportal' ) ),
	);
	foreach ( $rules as $field => list( $cleaner, $message ) ) {
		$raw             = trim( (string) ( $input[ $field ] ?? '' ) );
		$clean[ $field ] = call_user_func( $cleaner, $raw );
		if ( '' !== $raw && '' === $clean[ $field ] ) {
			if ( function_exists( 'add_settings_error' ) ) { // Only in the admin; not for WP-CLI's `wp option update`.
				add_settings_error( HAUSPORTAL_OPTION, 'hausportal-' . $field, $message );
			}
			$clean[ $field ] = $saved[ $field ];
		}
	}
	return $clean;
}

/**
 * Registers the option and the page's fields (Settings API). Runs on `admin_init`.
 *
 * @return void
 */
function hausportal_register_settings() {
	register_setting(
		'hausportal',
		HAUSPORTAL_OPTION,
		array(
			'type'              => 'object',
			'sanitize_callback' => 'hausportal_sanitize_settings',
			'default'           => array(),
		)
	);
	add_settings_section( 'hausportal_main', '', '__return_false', 'hausportal' );
	$fields = array(
		'portal_url' => __( 'Portal URL', 'hausportal' ),
		'org'        => __( 'Organization', 'hausportal' ),
		'lang'       => __( 'Language', 'hausportal' ),
	);
	foreach ( $fields as $field => $label ) {
		add_settings_field(
			'hausportal_' . $field,
			$label,
			'hausportal_field',
			'hausportal',
			'hausportal_main',
			array(
				'field'     => $field,
				'label_for' => 'hausportal_' . $field,
			)
		);
	}
}

/**
 * Adds Settings → Hausportal for people with `manage_options`. Runs on `admin_menu`.
 *
 * @return void
 */
function hausportal_add_settings_page() {
	add_options_page( 'Hausportal', 'Hausportal', 'manage_options', 'hausportal', 'hausportal_settings_page' );
}

/**
 * Prints one field of the settings form.
 *
 * @param array{field:string,label_for:string} $args Which field.
 * @return void
 */
function hausportal_field( $args ) {
	$field = $args['field'];
	$value = hausportal_settings()[ $field ];
	$name  = HAUSPORTAL_OPTION . '[' . $field . ']';
	if ( 'lang' === $field ) {
		$choices = array(
			''   => __( 'The page’s language', 'hausportal' ),
			'de' => 'Deutsch',
			'en' => 'English',
		);
		printf( '<select id="%s" name="%s">', esc_attr( $args['label_for'] ), esc_attr( $name ) );
		foreach ( $choices as $code => $label ) {
			printf( '<option value="%s"%s>%s</option>', esc_attr( $code ), selected( $value, $code, false ), esc_html( $label ) );
		}
		echo '</select>';
		return;
	}
	$hints = array(
		'portal_url' => __( 'Where the portal runs, without /api, e.g. https://portal.example.com.', 'hausportal' ),
		'org'        => __( 'The organization the widgets show when the shortcode names none, e.g. immopro.', 'hausportal' ),
	);
	printf(
		'<input type="%s" class="regular-text" id="%s" name="%s" value="%s"><p class="description">%s</p>',
		'portal_url' === $field ? 'url' : 'text',
		esc_attr( $args['label_for'] ),
		esc_attr( $name ),
		esc_attr( $value ),
		esc_html( $hints[ $field ] )
	);
}

/**
 * Settings → Hausportal.
 *
 * @return void
 */
function hausportal_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	echo '<div class="wrap"><h1>Hausportal</h1>';
	echo '<p>' . esc_html__( 'Authors add the widgets with the shortcode [hausportal widgets="login,statement"] or the block "Hausportal".', 'hausportal' ) . '</p>';
	echo '<form action="options.php" method="post">';
	settings_fields( 'hausportal' );
	do_settings_sections( 'hausportal' );
	submit_button();
	echo '</form></div>';
}
