<?php
/**
 * Plugin Name:       Chorus
 * Plugin URI:        https://github.com/chorus-comments/chorus
 * Description:       Chorus comments and testimonials instead of WordPress comments: the widget under posts and pages, comments in the page's HTML, counts, a testimonials block and a one-button move of the old comments.
 * Version:           1.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Chorus
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       chorus
 * Domain Path:       /languages
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

define( 'CHORUS_VERSION', '1.0.0' );
define( 'CHORUS_OPTION', 'chorus_settings' );
define( 'CHORUS_DIR', __DIR__ );
// The languages Chorus's widgets speak (service/text/): the site's own when it is one of them.
define( 'CHORUS_LANGUAGES', array( 'nl', 'en', 'de', 'fr' ) );

require_once CHORUS_DIR . '/includes/api.php';
require_once CHORUS_DIR . '/includes/comments-off.php';
require_once CHORUS_DIR . '/includes/embed.php';
require_once CHORUS_DIR . '/includes/counts.php';
require_once CHORUS_DIR . '/includes/testimonials.php';
require_once CHORUS_DIR . '/includes/admin.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'chorus', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	}
);
