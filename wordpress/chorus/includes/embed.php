<?php
/**
 * The comments widget under posts (and pages, if chosen), with the approved comments already
 * in the HTML for search engines and readers without JavaScript.
 *
 * Classic themes get it at the end of the content, block themes where their template places
 * the core/comments block: both are inside the theme's content column. The widget renders into
 * a shadow root that resets inherited styles, so the theme's width rules go on a wrapper.
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

/**
 * Whether the widget belongs under this post.
 *
 * @param WP_Post|null $post The post.
 * @return bool
 */
function chorus_wants_widget( $post ) {
	$settings = chorus_settings();
	return $post instanceof WP_Post
		&& '' !== $settings['address']
		&& is_singular()
		&& 'publish' === $post->post_status
		&& in_array( $post->post_type, $settings['types'], true );
}

/**
 * The approved comments of a post as plain HTML, in the widget's list slot: the widget shows
 * them until its own list has arrived, so nothing disappears while it loads.
 *
 * @param array  $comments The public comments from Chorus.
 * @param string $lang     The language of the dates.
 * @return string
 */
function chorus_rendered_comments( $comments, $lang ) {
	if ( empty( $comments ) ) {
		return '';
	}
	$by_parent = array();
	$shown     = wp_list_pluck( $comments, 'id' );
	foreach ( $comments as $comment ) {
		$parent                 = in_array( $comment['parent'], $shown, true ) ? (int) $comment['parent'] : 0;
		$by_parent[ $parent ][] = $comment;
	}
	$thread = static function ( $parent ) use ( &$thread, $by_parent, $lang ) {
		if ( empty( $by_parent[ $parent ] ) ) {
			return '';
		}
		$items = '';
		foreach ( $by_parent[ $parent ] as $comment ) {
			$author = esc_html( $comment['author'] );
			if ( ! empty( $comment['website'] ) && preg_match( '#^https?://#i', $comment['website'] ) ) {
				$author = '<a href="' . esc_url( $comment['website'] ) . '" rel="nofollow ugc">' . $author . '</a>';
			}
			$when   = strtotime( $comment['created_at'] );
			$items .= sprintf(
				'<li id="chorus-comment-%1$d"><article class="chorus-comment"><p class="chorus-byline"><strong>%2$s</strong>%3$s <time datetime="%4$s">%5$s</time></p><div class="chorus-body">%6$s</div></article>%7$s</li>',
				(int) $comment['id'],
				$author,
				! empty( $comment['owner'] ) ? ' <span class="chorus-owner">' . esc_html__( 'owner', 'chorus' ) . '</span>' : '',
				esc_attr( $comment['created_at'] ),
				esc_html( wp_date( 'nl' === $lang ? 'j M Y' : 'M j, Y', $when ) ),
				wp_kses_post( $comment['html'] ),
				$thread( (int) $comment['id'] )
			);
		}
		return '<ol>' . $items . '</ol>';
	};
	return '<div class="chorus-rendered" slot="list">' . $thread( 0 ) . '</div>';
}

/**
 * The widget and its server-rendered comments for one post.
 *
 * @param WP_Post $post The post.
 * @return string
 */
function chorus_widget_markup( $post ) {
	$settings = chorus_settings();
	$key      = chorus_thread_key( $post->ID );
	$answer   = chorus_get_json( '/api/comments?page=' . rawurlencode( $key ) );
	$comments = is_array( $answer ) && isset( $answer['comments'] ) ? $answer['comments'] : array();
	// The script is not async: it runs right after the container, before the rest of the page is
	// drawn, so the widget's form and heading are there from the first paint and the page does
	// not jump when they arrive (measured: a fifth of the screen on Twenty Twenty-Three).
	return sprintf(
		'<div class="chorus-wrap wp-block-group is-layout-constrained"><div id="chorus-comments" class="chorus-comments">%1$s</div>'
		. '<script src="%2$s" data-api="%3$s" data-page="%4$s" data-title="%5$s" data-lang="%6$s"></script></div>',
		chorus_rendered_comments( $comments, $settings['lang'] ),
		esc_url( chorus_widget_url( 'comments', $settings['lang'] ) ),
		esc_attr( $settings['address'] ),
		esc_attr( $key ),
		esc_attr( wp_strip_all_tags( get_the_title( $post ) ) ),
		esc_attr( $settings['lang'] )
	);
}

// Classic themes: after the content of the post being shown, once.
add_filter(
	'the_content',
	static function ( $content ) {
		static $done = false;
		$post = get_post();
		if ( $done || wp_is_block_theme() || ! in_the_loop() || ! is_main_query() || ! chorus_wants_widget( $post ) ) {
			return $content;
		}
		$done = true;
		return $content . chorus_widget_markup( $post );
	},
	20
);

// Block themes: the core/comments block (and the older post-comments block) becomes ours.
add_filter(
	'render_block',
	static function ( $content, $block ) {
		if ( ! in_array( $block['blockName'], array( 'core/comments', 'core/post-comments' ), true ) ) {
			return $content;
		}
		$post = get_post();
		return chorus_wants_widget( $post ) ? chorus_widget_markup( $post ) : '';
	},
	10,
	2
);
