<?php
/**
 * The "Chorus testimonials" block and the [chorus_testimonials] shortcode: the stories are in
 * the HTML (from /api/testimonials, cached), and the testimonials widget takes over.
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

/**
 * The testimonials wall for these options.
 *
 * @param array $options layout, limit, summary, lang.
 * @return string
 */
function chorus_testimonials_markup( $options ) {
	static $number = 0;
	$settings = chorus_settings();
	if ( '' === $settings['address'] ) {
		return '';
	}
	++$number;
	$layout  = 'carousel' === $options['layout'] ? 'carousel' : 'grid';
	$limit   = max( 1, min( 50, (int) $options['limit'] ) );
	$summary = filter_var( $options['summary'], FILTER_VALIDATE_BOOLEAN );
	$lang    = in_array( $options['lang'], array( 'nl', 'en' ), true ) ? $options['lang'] : '';
	$query   = '/api/testimonials?limit=' . $limit . ( $lang ? '&lang=' . $lang : '' );
	$answer  = chorus_get_json( $query );
	$items   = '';
	foreach ( is_array( $answer ) && isset( $answer['testimonials'] ) ? $answer['testimonials'] : array() as $story ) {
		$items .= sprintf(
			'<li><blockquote class="chorus-story">%1$s<footer>%2$s</footer></blockquote></li>',
			wp_kses_post( $story['html'] ),
			esc_html( $story['author'] )
		);
	}
	$id = 'chorus-testimonials-' . $number;
	return sprintf(
		'<div class="chorus-wrap wp-block-group is-layout-constrained"><div id="%1$s" class="chorus-testimonials">%2$s</div>'
		. '<script src="%3$s" data-api="%4$s" data-target="#%1$s" data-layout="%5$s" data-limit="%6$d" data-summary="%7$s"%8$s async></script></div>',
		esc_attr( $id ),
		$items ? '<ul class="chorus-rendered" slot="list">' . $items . '</ul>' : '',
		esc_url( chorus_widget_url( 'testimonials', $settings['lang'] ) ),
		esc_attr( $settings['address'] ),
		esc_attr( $layout ),
		$limit,
		$summary ? 'true' : 'false',
		// data-lang also filters the stories by language: only when the wall asks for one.
		$lang ? ' data-lang="' . esc_attr( $lang ) . '"' : ''
	);
}

/** The options of a wall and their defaults, as the widget has them. */
const CHORUS_TESTIMONIAL_DEFAULTS = array(
	'layout'  => 'grid',
	'limit'   => 6,
	'summary' => false,
	'lang'    => '',
);

add_shortcode(
	'chorus_testimonials',
	static function ( $attributes ) {
		return chorus_testimonials_markup( shortcode_atts( CHORUS_TESTIMONIAL_DEFAULTS, $attributes, 'chorus_testimonials' ) );
	}
);

add_action(
	'init',
	static function () {
		wp_register_script(
			'chorus-testimonials-block',
			plugins_url( 'assets/block.js', CHORUS_DIR . '/chorus.php' ),
			array( 'wp-blocks', 'wp-element', 'wp-server-side-render', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
			CHORUS_VERSION,
			true
		);
		wp_set_script_translations( 'chorus-testimonials-block', 'chorus', CHORUS_DIR . '/languages' );
		register_block_type(
			'chorus/testimonials',
			array(
				'api_version'     => 2,
				'title'           => __( 'Chorus testimonials', 'chorus' ),
				'editor_script'   => 'chorus-testimonials-block',
				'attributes'      => array(
					'layout'  => array(
						'type'    => 'string',
						'default' => 'grid',
					),
					'limit'   => array(
						'type'    => 'number',
						'default' => 6,
					),
					'summary' => array(
						'type'    => 'boolean',
						'default' => false,
					),
					'lang'    => array(
						'type'    => 'string',
						'default' => '',
					),
				),
				'render_callback' => static function ( $attributes ) {
					return chorus_testimonials_markup( wp_parse_args( $attributes, CHORUS_TESTIMONIAL_DEFAULTS ) );
				},
			)
		);
	}
);
