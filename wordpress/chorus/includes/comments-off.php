<?php
/**
 * WordPress's own comments off everywhere: forms, lists, blocks, REST, feeds and widgets.
 * The stored comments stay in the database untouched; "Move my comments" brings them over.
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'comments_open', '__return_false', 20 );
add_filter( 'pings_open', '__return_false', 20 );
add_filter( 'comments_array', '__return_empty_array', 20 );
add_filter( 'feed_links_show_comments_feed', '__return_false' );

/*
 * Classic themes: their comments.php is replaced by an empty template (the widget comes with
 * the content, where the theme's content width holds it).
 */
add_filter(
	'comments_template',
	static function () {
		return CHORUS_DIR . '/includes/no-comments.php';
	},
	20
);

// Comment feeds answer 404 instead of the old comments.
add_action(
	'template_redirect',
	static function () {
		if ( is_comment_feed() ) {
			wp_die( esc_html__( 'Comments are not available as a feed here.', 'chorus' ), '', array( 'response' => 404 ) );
		}
	},
	1
);

// The comment endpoints of the REST API are gone, reading and writing.
add_filter(
	'rest_endpoints',
	static function ( $endpoints ) {
		foreach ( array_keys( $endpoints ) as $route ) {
			if ( 0 === strpos( $route, '/wp/v2/comments' ) ) {
				unset( $endpoints[ $route ] );
			}
		}
		return $endpoints;
	}
);

// XML-RPC's comment methods too.
add_filter(
	'xmlrpc_methods',
	static function ( $methods ) {
		foreach ( array( 'wp.getComment', 'wp.getComments', 'wp.newComment', 'wp.editComment', 'wp.deleteComment', 'pingback.ping' ) as $name ) {
			unset( $methods[ $name ] );
		}
		return $methods;
	}
);

add_action(
	'widgets_init',
	static function () {
		unregister_widget( 'WP_Widget_Recent_Comments' );
	},
	20
);

// The comment blocks of block themes that stand outside core/comments.
add_filter(
	'render_block',
	static function ( $content, $block ) {
		$ours = array( 'core/latest-comments', 'core/post-comments-form', 'core/comments-query-loop' );
		if ( in_array( $block['blockName'], $ours, true ) ) {
			return '';
		}
		return $content;
	},
	10,
	2
);
