<?php
/**
 * The markup of the shortcode and the block, and the module script it needs.
 *
 * @package Hausportal
 */

defined( 'ABSPATH' ) || exit;

/**
 * The widgets an author may name, name => tag (the elements hausportal.js registers; `portal` is the whole portal).
 *
 * @return array<string,string>
 */
function hausportal_widget_tags() {
	return array(
		'login'          => 'hp-login',
		'profile'        => 'hp-profile',
		'unit-list'      => 'hp-unit-list',
		'statement'      => 'hp-statement',
		'documents'      => 'hp-documents',
		'message-form'   => 'hp-message-form',
		'ticket-list'    => 'hp-ticket-list',
		'bulletin-board' => 'hp-bulletin-board',
		'chat-bot'       => 'hp-chat-bot',
		'portal'         => 'hp-portal',
	);
}

/**
 * The tags of a comma-separated widget list, in the order given, each once. Names are matched case-insensitively,
 * with or without the `hp-` prefix; unknown names are left out.
 *
 * @param string $list E.g. "login, statement".
 * @return string[] E.g. array( 'hp-login', 'hp-statement' ).
 */
function hausportal_tags_of( $list ) {
	$known = hausportal_widget_tags();
	$tags  = array();
	foreach ( explode( ',', strtolower( (string) $list ) ) as $name ) {
		$name = preg_replace( '/^hp-/', '', trim( $name ) );
		if ( isset( $known[ $name ] ) && ! in_array( $known[ $name ], $tags, true ) ) {
			$tags[] = $known[ $name ];
		}
	}
	return $tags;
}

/**
 * The session element with its widgets, on one line so that no later `the_content` filter (wpautop, wptexturize,
 * convert_smilies) finds a line break or text to change, and the enqueued module script. Values come from the
 * attributes or else the settings; every attribute value is escaped with esc_attr().
 *
 * Output: `<hp-session api="https://portal.example/api" org="immopro" lang="de"><hp-login></hp-login></hp-session>`;
 * without a portal URL or organization, a hint for people who may change the settings and nothing for visitors.
 *
 * @param array $atts `widgets` (comma-separated, default "login"), `org` (slug), `lang` (`de`, `en`).
 * @return string HTML.
 */
function hausportal_render( $atts ) {
	$settings = hausportal_settings();
	$atts     = shortcode_atts(
		array(
			'widgets' => 'login',
			'org'     => $settings['org'],
			'lang'    => $settings['lang'],
		),
		$atts,
		'hausportal'
	);
	$org  = hausportal_clean_org( $atts['org'] );
	$org  = '' === $org ? $settings['org'] : $org;
	$lang = hausportal_clean_lang( $atts['lang'] );
	$lang = '' === $lang ? $settings['lang'] : $lang;
	$tags = hausportal_tags_of( $atts['widgets'] );
	if ( '' === $settings['portal_url'] || '' === $org || ! $tags ) {
		return hausportal_hint( $settings['portal_url'], $org );
	}
	hausportal_enqueue();
	$children = '';
	foreach ( $tags as $tag ) {
		$children .= '<' . $tag . '></' . $tag . '>';
	}
	return sprintf(
		'<hp-session api="%s" org="%s"%s>%s</hp-session>',
		esc_attr( hausportal_api_url() ),
		esc_attr( $org ),
		'' === $lang ? '' : ' lang="' . esc_attr( $lang ) . '"',
		$children
	);
}

/**
 * What the shortcode prints when it cannot show a widget: a short hint for people who can edit posts (they see it in
 * the preview), nothing for visitors.
 *
 * @param string $portal_url The configured portal URL ('' when missing).
 * @param string $org        The organization ('' when missing).
 * @return string HTML.
 */
function hausportal_hint( $portal_url, $org ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	if ( '' === $portal_url || '' === $org ) {
		$text = __( 'Hausportal: set the portal URL and organization under Settings → Hausportal.', 'hausportal' );
	} else {
		$text = sprintf(
			/* translators: %s: the widget names the shortcode accepts. */
			__( 'Hausportal: no known widget. Use one or more of: %s.', 'hausportal' ),
			implode( ', ', array_keys( hausportal_widget_tags() ) )
		);
	}
	return '<p class="hausportal-hint">' . esc_html( $text ) . '</p>';
}

/**
 * Enqueues hausportal.js as a module script for this page; enqueuing again (several shortcodes or blocks) keeps one.
 * WordPress 6.5 and later have script modules (wp_enqueue_script_module); earlier versions get a footer script whose
 * tag hausportal_module_script_tag() gives `type="module"`. No version query: the URL stays the one the portal
 * documents, so a page that also has the plain snippet loads the module once (HTML: a module map holds one entry per URL).
 *
 * @return void
 */
function hausportal_enqueue() {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'hausportal', hausportal_script_url(), array(), null );
		return;
	}
	wp_enqueue_script( 'hausportal', hausportal_script_url(), array(), null, true );
}

/**
 * Filter `script_loader_tag`: the tag of the `hausportal` script gets `type="module"` (in place of WordPress's
 * `type='text/javascript'` on themes without html5 script support) and `data-cookieconsent="ignore"`, so Cookiebot's
 * automatic blocking leaves it alone: the portal sets only the sign-in cookie, which the login needs.
 *
 * @param string $tag    The script's HTML.
 * @param string $handle The script's handle.
 * @return string The tag, changed only for `hausportal`.
 */
function hausportal_module_script_tag( $tag, $handle ) {
	if ( 'hausportal' !== $handle ) {
		return $tag;
	}
	return preg_replace_callback(
		'/<script\b[^>]*>/',
		static function ( $open ) {
			if ( ! preg_match( '/\sid=(["\'])hausportal-js\1/', $open[0] ) ) {
				return $open[0]; // An inline script added to the handle (id hausportal-js-before/-after) stays classic.
			}
			$open = preg_replace( '/\s(?:type|data-cookieconsent)=(["\'])[^"\']*\1/', '', $open[0] );
			return '<script type="module" data-cookieconsent="ignore"' . substr( $open, strlen( '<script' ) );
		},
		$tag
	);
}

/**
 * Filter `wp_script_attributes` (WordPress 6.5 and later print script modules through it): the `hausportal` module
 * gets `data-cookieconsent="ignore"` as in hausportal_module_script_tag().
 *
 * @param array $attributes The script tag's attributes.
 * @return array The attributes.
 */
function hausportal_module_script_attributes( $attributes ) {
	if ( isset( $attributes['id'] ) && 'hausportal-js-module' === $attributes['id'] ) {
		$attributes['data-cookieconsent'] = 'ignore';
	}
	return $attributes;
}
