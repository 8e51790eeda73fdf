<?php
/**
 * Stands in for the theme's comments.php: Chorus's widget comes with the content instead.
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;
