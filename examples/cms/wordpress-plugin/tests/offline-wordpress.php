<?php
/**
 * Loads WordPress without a database server, in global scope (include this file from the top level of a script;
 * wp-settings.php expects global scope). Reads $request (see render.php): `portal`, `org`, `lang` become the
 * plugin's settings, `plugin` whether the plugin in ../hausportal is active.
 *
 * The tables of wp-content/db.php: the site's options (site URL, no theme, the active plugins, the plugin's
 * settings), three people — 1 `admin` (administrator), 2 `autorin` (author), 3 `redakteur` (editor) — and the
 * roles, which WordPress's own populate_roles() (wp-admin/includes/schema.php) writes once WordPress has loaded.
 *
 * @package Hausportal
 */

$hausportal_wordpress = rtrim( getenv( 'HP_WORDPRESS_DIR' ) ?: '/usr/share/wordpress', '/' ) . '/';
if ( ! is_file( $hausportal_wordpress . 'wp-settings.php' ) ) {
	fwrite( STDERR, "No WordPress in $hausportal_wordpress (apt-get install wordpress php-cli, or set HP_WORDPRESS_DIR).\n" );
	exit( 2 );
}

define( 'ABSPATH', $hausportal_wordpress );
define( 'WP_CONTENT_DIR', __DIR__ . '/wp-content' );
define( 'WP_PLUGIN_DIR', dirname( __DIR__ ) );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_USE_THEMES', false );

$table_prefix = 'wp_';
$_SERVER      = array_merge(
	$_SERVER,
	array(
		'HTTP_HOST'       => 'wordpress.example',
		'SERVER_NAME'     => 'wordpress.example',
		'SERVER_PORT'     => '443',
		'HTTPS'           => 'on',
		'REQUEST_URI'     => '/kundenportal/',
		'REQUEST_METHOD'  => 'GET',
		'SERVER_PROTOCOL' => 'HTTP/1.1',
		'REMOTE_ADDR'     => '127.0.0.1',
	)
);

/**
 * The people of the test site: ID => [login, role].
 *
 * @return array<int,array{0:string,1:string}>
 */
function hausportal_test_people() {
	return array(
		1 => array( 'admin', 'administrator' ),
		2 => array( 'autorin', 'author' ),
		3 => array( 'redakteur', 'editor' ),
	);
}

$hausportal_db = array(
	'options'    => array(),
	'users'      => array(),
	'usermeta'   => array(),
	'unanswered' => array(),
);
$hausportal_site = 'https://wordpress.example';
foreach (
	array(
		'siteurl'             => $hausportal_site,
		'home'                => $hausportal_site,
		'blogname'            => 'ImmoPro Hausverwaltung',
		'blog_charset'        => 'UTF-8',
		'template'            => '',
		'stylesheet'          => '',
		'permalink_structure' => '/%postname%/',
		'use_balanceTags'     => '0',
		'WPLANG'              => '',
		'active_plugins'      => serialize( $request['plugin'] ? array( 'hausportal/hausportal.php' ) : array() ),
		'hausportal_settings' => serialize(
			array(
				'portal_url' => $request['portal'],
				'org'        => $request['org'],
				'lang'       => $request['lang'],
			)
		),
	) as $hausportal_name => $hausportal_value
) {
	$hausportal_db['options'][ $hausportal_name ] = array( $hausportal_value, 'yes' );
}
foreach ( hausportal_test_people() as $hausportal_id => list( $hausportal_login, $hausportal_role ) ) {
	$hausportal_db['users'][ $hausportal_id ]    = array(
		'ID'            => $hausportal_id,
		'user_login'    => $hausportal_login,
		'user_nicename' => $hausportal_login,
		'user_email'    => "$hausportal_login@wordpress.example",
		'display_name'  => $hausportal_login,
		'user_pass'     => '',
		'user_url'      => '',
		'user_status'   => '0',
		'user_registered' => '2026-01-01 00:00:00',
		'user_activation_key' => '',
	);
	$hausportal_db['usermeta'][ $hausportal_id ] = array( 'wp_capabilities' => serialize( array( $hausportal_role => true ) ) );
}

require ABSPATH . 'wp-settings.php';
require_once ABSPATH . 'wp-admin/includes/schema.php';
populate_roles();
