<?php
/**
 * What render.php does with a loaded WordPress: pages saved by a person and viewed by a visitor, the settings form
 * and the admin page.
 *
 * @package Hausportal
 */

/**
 * The callbacks of a filter in the order WordPress runs them.
 *
 * @param string $hook Filter name.
 * @return string[] "function@priority".
 */
function hausportal_test_callbacks( $hook ) {
	$names = array();
	foreach ( $GLOBALS['wp_filter'][ $hook ]->callbacks as $priority => $callbacks ) {
		foreach ( $callbacks as $callback ) {
			$function = $callback['function'];
			if ( is_array( $function ) ) {
				$function = ( is_object( $function[0] ) ? get_class( $function[0] ) : $function[0] ) . '::' . $function[1];
			}
			$names[] = ( is_string( $function ) ? $function : 'closure' ) . '@' . $priority;
		}
	}
	return $names;
}

/**
 * Signs in the test person of `role` (see hausportal_test_people()), or signs out for `visitor`. Signing in runs
 * kses_init() (WordPress hooks it on `set_current_user`), which filters saved content only without unfiltered_html.
 *
 * @param string $role `administrator`, `editor`, `author` or `visitor`.
 * @return void
 */
function hausportal_test_as( $role ) {
	$id = 0;
	foreach ( hausportal_test_people() as $person_id => list( , $person_role ) ) {
		$id = $person_role === $role ? $person_id : $id;
	}
	if ( 'visitor' !== $role && 0 === $id ) {
		throw new InvalidArgumentException( "no test person with the role $role" );
	}
	wp_set_current_user( $id );
}

/**
 * A new page view: nothing enqueued, nothing printed yet, and `the_content` as WordPress set it up. (Rendering block
 * content changes `the_content` for the rest of the request: do_blocks() removes wpautop and _restore_wpautop_hook()
 * adds it back after shortcode_unautop; a page with `continues` keeps that, as a post list does.)
 *
 * @return void
 */
function hausportal_test_new_page() {
	static $the_content;
	$the_content = $the_content ?? clone $GLOBALS['wp_filter']['the_content'];
	$GLOBALS['wp_filter']['the_content'] = clone $the_content;
	$GLOBALS['wp_scripts'] = null;
	$GLOBALS['wp_styles']  = null;
	wp_scripts();
	wp_styles();
	if ( function_exists( 'wp_dequeue_script_module' ) ) {
		wp_dequeue_script_module( 'hausportal' );
	}
}

/**
 * One page: saved by `role`, then viewed by a visitor.
 *
 * @param array $page `name`, `role`, `content`, `via` (`post`: a post's content; `text-widget`: the Text widget),
 *                    `ksesOutput` (true: wp_kses_post() over the rendered content, as some themes and page builders do),
 *                    `continues` (true: the same page view as the page before, e.g. the next post of a post list).
 * @return array `name`, `role`, `unfilteredHtml`, `saved` (what the database holds), `html` (the rendered content),
 *               `footer` (what wp_footer prints).
 */
function hausportal_test_page( $page ) {
	$page += array(
		'name' => '',
		'role' => 'author',
		'via'  => 'post',
	);
	if ( empty( $page['continues'] ) ) {
		hausportal_test_new_page();
	}
	hausportal_test_as( $page['role'] );
	$unfiltered = current_user_can( 'unfiltered_html' );
	if ( 'text-widget' === $page['via'] ) {
		$widget = new WP_Widget_Text();
		$widget->_set( 2 );
		$instance = $widget->update(
			array(
				'title'  => '',
				'text'   => $page['content'],
				'filter' => true,
				'visual' => true,
			),
			array()
		);
		$saved    = $instance['text'];
	} else {
		$saved = wp_unslash( sanitize_post_field( 'post_content', wp_slash( $page['content'] ), 0, 'db' ) );
	}

	hausportal_test_as( 'visitor' );
	ob_start();
	if ( isset( $widget ) ) {
		$widget->widget( array( 'before_widget' => '', 'after_widget' => '', 'before_title' => '', 'after_title' => '', 'widget_id' => 'text-2' ), $instance );
	} else {
		$GLOBALS['post'] = new WP_Post(
			(object) array(
				'ID'           => 42,
				'post_type'    => 'page',
				'post_status'  => 'publish',
				'post_name'    => 'kundenportal',
				'post_title'   => 'Kundenportal',
				'post_content' => $saved,
				'filter'       => 'raw',
			)
		);
		the_content();
	}
	$html = ob_get_clean();
	if ( ! empty( $page['ksesOutput'] ) ) {
		$html = wp_kses_post( $html );
	}
	ob_start();
	do_action( 'wp_footer' );
	$footer = ob_get_clean();

	return array(
		'name'           => $page['name'],
		'role'           => $page['role'],
		'via'            => $page['via'],
		'unfilteredHtml' => $unfiltered,
		'saved'          => $saved,
		'html'           => $html,
		'footer'         => $footer,
	);
}

/**
 * The admin side as an administrator: `admin_init` and `admin_menu` as wp-admin runs them, Settings → Hausportal
 * as wp-admin/admin.php prints a plugin page, and the same page for an author.
 *
 * @return array `menu` (the Settings submenu entry: title, capability, slug, page title), `page`, `pageForAuthor`.
 */
function hausportal_test_admin() {
	require_once ABSPATH . 'wp-admin/includes/plugin.php';
	require_once ABSPATH . 'wp-admin/includes/template.php';
	require_once ABSPATH . 'wp-admin/includes/misc.php';
	foreach ( array( '_maybe_update_core', '_maybe_update_plugins', '_maybe_update_themes' ) as $asks_wordpress_org ) {
		remove_action( 'admin_init', $asks_wordpress_org );
	}
	hausportal_test_as( 'administrator' );
	do_action( 'admin_init' );
	do_action( 'admin_menu', '' );
	$entries = array_filter( $GLOBALS['submenu']['options-general.php'] ?? array(), static fn( $entry ) => 'hausportal' === $entry[2] );
	$hook    = get_plugin_page_hook( 'hausportal', 'options-general.php' );
	$pages   = array();
	foreach ( array( 'administrator', 'author' ) as $role ) {
		hausportal_test_as( $role );
		ob_start();
		do_action( $hook );
		$pages[ $role ] = ob_get_clean();
	}
	return array(
		'menu'          => array_values( $entries )[0] ?? null,
		'page'          => $pages['administrator'],
		'pageForAuthor' => $pages['author'],
	);
}

/**
 * Saves the settings form as options.php does (update_option → the registered sanitize_callback) as an
 * administrator, and reads them back.
 *
 * @param array $input The posted `hausportal_settings` fields.
 * @return array `input`, `saved` (the settings afterwards), `errors` (the settings errors' codes).
 */
function hausportal_test_settings( $input ) {
	$GLOBALS['wp_settings_errors'] = array();
	hausportal_test_as( 'administrator' );
	update_option( 'hausportal_settings', $input );
	return array(
		'input'  => $input,
		'saved'  => hausportal_settings(),
		'errors' => array_column( get_settings_errors( 'hausportal_settings' ), 'code' ),
	);
}
