<?php
/**
 * Renders content the way a WordPress site does, with WordPress's own code and no database server:
 *
 *   php render.php < request.json > result.json
 *
 * WordPress (HP_WORDPRESS_DIR, default Debian's /usr/share/wordpress) loads completely — default filters, roles,
 * shortcodes, blocks, scripts, the plugin in ../hausportal as an active plugin — on the in-memory tables of
 * wp-content/db.php. For every page of the request:
 *  1. save: the author's text goes through sanitize_post_field( 'post_content', …, 'db' ) as the signed-in person
 *     (role `author`, `editor` or `administrator`): kses (wp_filter_post_kses) runs only without `unfiltered_html`,
 *     as kses_init() decides; for `via: "text-widget"` the Text widget's own update() instead;
 *  2. view: a visitor's page — apply_filters( 'the_content' ) (or the Text widget's widget()), then wp_footer.
 *
 * Request (JSON on stdin; without stdin a demo page):
 *   { "portal": "http://localhost:8080", "org": "immopro", "lang": "de", "plugin": true, "html5": false,
 *     "pages": [ { "name": "…", "role": "author", "content": "…", "via": "post" | "text-widget",
 *                 "ksesOutput": false, "continues": false } ],
 *     "settings": [ { …posted form… } ] }
 * Result (JSON on stdout): { wordpress, php, plugin, scriptModules, theContent: ["do_blocks@9", …],
 *   pages: [ { name, role, unfilteredHtml, saved, html, footer, moduleScripts } ], settings: [ { input, saved } ],
 *   admin: { menu, page, pageForAuthor }, warnings: [ … ], unanswered: <statements the drop-in did not know> }
 *
 * @package Hausportal
 */

$request = json_decode( (string) ( stream_isatty( STDIN ) ? '' : stream_get_contents( STDIN ) ), true ) ?: array(
	'portal' => 'https://portal.example.com',
	'pages'  => array( array( 'name' => 'demo', 'role' => 'author', 'content' => "Willkommen!\n\n[hausportal widgets=\"login,statement\" org=\"immopro\"]\n" ) ),
);
$request += array(
	'portal'   => '',
	'org'      => 'immopro',
	'lang'     => 'de',
	'plugin'   => true,
	'html5'    => false,
	'pages'    => array(),
	'settings' => array(),
);

$warnings = array();
set_error_handler(
	static function ( $level, $message, $file, $line ) use ( &$warnings ) {
		$warnings[] = "$message ($file:$line)";
		return true;
	}
);

require __DIR__ . '/offline-wordpress.php';
require __DIR__ . '/pages.php';
add_action( 'doing_it_wrong_run', static function ( $function, $message ) use ( &$warnings ) {
	$warnings[] = "doing it wrong: $function: $message";
}, 10, 2 );
if ( $request['html5'] ) {
	add_theme_support( 'html5', array( 'script', 'style' ) );
}

$result = array(
	'wordpress'     => $GLOBALS['wp_version'],
	'php'           => PHP_VERSION,
	'plugin'        => function_exists( 'hausportal_render' ),
	'scriptModules' => function_exists( 'wp_enqueue_script_module' ),
	'theContent'    => hausportal_test_callbacks( 'the_content' ),
	'pages'         => array_map( 'hausportal_test_page', $request['pages'] ),
);
if ( $result['plugin'] ) {
	$result['admin']    = hausportal_test_admin();
	$result['settings'] = array_map( 'hausportal_test_settings', $request['settings'] );
}
$result['warnings']   = $warnings;
$result['unanswered'] = $GLOBALS['hausportal_db']['unanswered'];
echo json_encode( $result, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ), "\n";
