<?php
/**
 * Removes the plugin's options and cached answers; WordPress's comments and posts stay as they are.
 *
 * @package Chorus
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'chorus_settings' );
global $wpdb;
// The cached answers of Chorus (transients named chorus_…).
$wpdb->query( "DELETE FROM {$wpdb->options} WHERE option_name LIKE '\\_transient\\_chorus\\_%' OR option_name LIKE '\\_transient\\_timeout\\_chorus\\_%'" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
