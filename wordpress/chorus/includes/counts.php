<?php
/**
 * Comment counts from Chorus: one batch call to /api/counts for every post a query returns,
 * so a post list costs one request, not one a post.
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

/** Page keys Chorus answers in one counts call. */
const CHORUS_COUNTS_BATCH = 100;

/**
 * Counts known so far in this request, by post ID.
 *
 * @param array|null $add Counts to remember.
 * @return array
 */
function chorus_known_counts( $add = null ) {
	static $known = array();
	if ( is_array( $add ) ) {
		$known = $add + $known;
	}
	return $known;
}

/**
 * Fetch the counts of these posts from Chorus (those not known yet), in batches of 100.
 *
 * @param int[] $ids Post IDs.
 * @return void
 */
function chorus_fetch_counts( $ids ) {
	$missing = array_values( array_diff( array_unique( array_map( 'intval', $ids ) ), array_keys( chorus_known_counts() ) ) );
	foreach ( array_chunk( $missing, CHORUS_COUNTS_BATCH ) as $batch ) {
		$keys   = array_map( 'chorus_thread_key', $batch );
		$answer = chorus_get_json( '/api/counts?pages=' . rawurlencode( implode( ',', $keys ) ) );
		$found  = array();
		foreach ( $batch as $id ) {
			$key         = chorus_thread_key( $id );
			$found[ $id ] = is_array( $answer ) && isset( $answer['counts'][ $key ] ) ? (int) $answer['counts'][ $key ] : 0;
		}
		chorus_known_counts( $found );
	}
}

add_filter(
	'the_posts',
	static function ( $posts ) {
		$types = chorus_settings()['types'];
		$ids   = array();
		foreach ( (array) $posts as $post ) {
			if ( $post instanceof WP_Post && in_array( $post->post_type, $types, true ) ) {
				$ids[] = $post->ID;
			}
		}
		if ( $ids && '' !== chorus_settings()['address'] ) {
			chorus_fetch_counts( $ids );
		}
		return $posts;
	}
);

add_filter(
	'get_comments_number',
	static function ( $count, $post_id ) {
		$post = get_post( $post_id );
		if ( ! $post || ! in_array( $post->post_type, chorus_settings()['types'], true ) ) {
			return 0; // WordPress's own comments are not shown anywhere.
		}
		chorus_fetch_counts( array( $post->ID ) );
		$known = chorus_known_counts();
		return isset( $known[ $post->ID ] ) ? $known[ $post->ID ] : 0;
	},
	20,
	2
);
