<?php
/**
 * Settings and the calls to Chorus's API, cached in transients and refreshed by ETag.
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

/** Seconds a fetched answer is used without asking Chorus again. */
const CHORUS_FRESH_SECONDS = 60;

/**
 * The plugin's settings, with defaults (the language from the site's locale).
 *
 * @return array{address: string, token: string, types: string[], lang: string}
 */
function chorus_settings() {
	$saved = get_option( CHORUS_OPTION, array() );
	$saved = is_array( $saved ) ? $saved : array();
	return array(
		'address' => isset( $saved['address'] ) ? untrailingslashit( (string) $saved['address'] ) : '',
		'token'   => isset( $saved['token'] ) ? (string) $saved['token'] : '',
		'types'   => isset( $saved['types'] ) && is_array( $saved['types'] ) ? array_values( $saved['types'] ) : array( 'post' ),
		'lang'    => ! empty( $saved['lang'] ) ? (string) $saved['lang'] : chorus_site_lang(),
	);
}

/**
 * The widget language the site's locale suggests: nl for Dutch sites, else en.
 *
 * @return string
 */
function chorus_site_lang() {
	$lang = strtolower( substr( get_locale(), 0, 2 ) );
	return in_array( $lang, CHORUS_LANGUAGES, true ) ? $lang : 'en';
}

/**
 * The thread key of a post: WordPress's own short address, which survives a change of slug
 * or permalink structure, and is what Chorus's importer uses with keys=page_id.
 *
 * @param int $post_id The post's ID.
 * @return string
 */
function chorus_thread_key( $post_id ) {
	return '/?p=' . (int) $post_id;
}

/**
 * The site's origin (scheme, host and port), as browsers send it in the Origin header.
 *
 * @return string
 */
function chorus_site_origin() {
	$parts  = wp_parse_url( home_url() );
	$origin = $parts['scheme'] . '://' . $parts['host'];
	if ( isset( $parts['port'] ) ) {
		$origin .= ':' . $parts['port'];
	}
	return $origin;
}

/**
 * A public JSON answer of Chorus, from the transient cache while fresh, else asked again
 * with If-None-Match so an unchanged answer costs a 304. A stale copy is used when Chorus
 * cannot be reached.
 *
 * @param string $path The path and query, e.g. /api/comments?page=%2F%3Fp%3D4.
 * @return array|null The decoded JSON, or null when there is none.
 */
function chorus_get_json( $path ) {
	$settings = chorus_settings();
	if ( '' === $settings['address'] ) {
		return null;
	}
	$key    = 'chorus_' . md5( $settings['address'] . $path );
	$cached = get_transient( $key );
	if ( is_array( $cached ) && time() - $cached['at'] < CHORUS_FRESH_SECONDS ) {
		return $cached['data'];
	}
	$headers = array( 'Accept' => 'application/json' );
	if ( is_array( $cached ) && '' !== $cached['etag'] ) {
		$headers['If-None-Match'] = $cached['etag'];
	}
	$response = wp_remote_get(
		$settings['address'] . $path,
		array(
			'timeout' => 3,
			'headers' => $headers,
		)
	);
	$status   = is_wp_error( $response ) ? 0 : (int) wp_remote_retrieve_response_code( $response );
	if ( 304 === $status && is_array( $cached ) ) {
		$cached['at'] = time();
		set_transient( $key, $cached, DAY_IN_SECONDS );
		return $cached['data'];
	}
	if ( 200 !== $status ) {
		return is_array( $cached ) ? $cached['data'] : null;
	}
	$data = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $data ) ) {
		return null;
	}
	$entry = array(
		'at'   => time(),
		'etag' => (string) wp_remote_retrieve_header( $response, 'etag' ),
		'data' => $data,
	);
	set_transient( $key, $entry, DAY_IN_SECONDS );
	return $data;
}

/**
 * The address of a widget script of Chorus.
 *
 * @param string $name comments or testimonials.
 * @return string
 */
function chorus_widget_url( $name, $lang = '' ) {
	$url = chorus_settings()['address'] . '/widget/' . $name . '.js';
	// The build in one language: only its words, and no second request to find them.
	return $lang ? $url . '?lang=' . rawurlencode( $lang ) : $url;
}
