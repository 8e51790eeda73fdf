<?php
/**
 * Settings → Chorus: the address and token, where the widget goes, a connection test, and
 * "Move my comments" (WordPress's own export, checked by a dry run, imported on confirmation).
 *
 * @package Chorus
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'admin_init',
	static function () {
		register_setting(
			'chorus',
			CHORUS_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'chorus_sanitize_settings',
			)
		);
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page( __( 'Chorus', 'chorus' ), __( 'Chorus', 'chorus' ), 'manage_options', 'chorus', 'chorus_settings_page' );
	}
);

/**
 * The settings as saved: an http(s) address without a trailing slash, known types only.
 *
 * @param mixed $input The submitted settings.
 * @return array
 */
function chorus_sanitize_settings( $input ) {
	$input   = is_array( $input ) ? $input : array();
	$address = isset( $input['address'] ) ? esc_url_raw( trim( (string) $input['address'] ), array( 'http', 'https' ) ) : '';
	$types   = isset( $input['types'] ) && is_array( $input['types'] ) ? array_values( array_intersect( array( 'post', 'page' ), $input['types'] ) ) : array();
	$lang    = isset( $input['lang'] ) && in_array( $input['lang'], CHORUS_LANGUAGES, true ) ? $input['lang'] : chorus_site_lang();
	$token   = isset( $input['token'] ) ? trim( sanitize_text_field( (string) $input['token'] ) ) : '';
	if ( '' === $token ) {
		$token = chorus_settings()['token']; // An empty field keeps the saved token.
	}
	return array(
		'address' => untrailingslashit( $address ),
		'token'   => $token,
		'types'   => $types,
		'lang'    => $lang,
	);
}

/**
 * Chorus's answer to an owner call, with the API token.
 *
 * @param string $method GET or POST.
 * @param string $path   Path and query.
 * @param array  $args   More wp_remote_request arguments.
 * @return array|WP_Error
 */
function chorus_owner_request( $method, $path, $args = array() ) {
	$settings = chorus_settings();
	return wp_remote_request(
		$settings['address'] . $path,
		array_merge(
			array(
				'method'  => $method,
				'timeout' => 120,
				'headers' => array( 'Authorization' => 'Bearer ' . $settings['token'] ),
			),
			$args
		)
	);
}

/**
 * What the connection test found, one line a check, each ok or with what to change.
 *
 * @return array[] Each: ok (bool), text (string).
 */
function chorus_test_connection() {
	$settings = chorus_settings();
	$origin   = chorus_site_origin();
	$lines    = array();
	$health   = wp_remote_get( $settings['address'] . '/healthz', array( 'timeout' => 5 ) );
	$healthy  = ! is_wp_error( $health ) && 200 === (int) wp_remote_retrieve_response_code( $health );
	$lines[]  = array(
		'ok'   => $healthy,
		/* translators: %s: the Chorus address. */
		'text' => $healthy ? sprintf( __( 'Chorus answers at %s.', 'chorus' ), $settings['address'] )
			/* translators: %s: the Chorus address. */
			: sprintf( __( 'Chorus does not answer at %s/healthz: check the address, and that Chorus runs.', 'chorus' ), $settings['address'] ),
	);
	if ( ! $healthy ) {
		return $lines;
	}
	// Chorus tells no one its ALLOWED_ORIGINS; a browser's preflight from this site's origin shows it.
	$preflight = wp_remote_request(
		$settings['address'] . '/api/comments',
		array(
			'method'  => 'OPTIONS',
			'timeout' => 5,
			'headers' => array(
				'Origin'                        => $origin,
				'Access-Control-Request-Method' => 'POST',
			),
		)
	);
	$allowed   = ! is_wp_error( $preflight ) && 204 === (int) wp_remote_retrieve_response_code( $preflight );
	$lines[]   = array(
		'ok'   => $allowed,
		/* translators: %s: the site's origin. */
		'text' => $allowed ? sprintf( __( 'This site (%s) may show and post comments.', 'chorus' ), $origin )
			/* translators: 1: the site's origin, 2: the same origin. */
			: sprintf( __( 'This site (%1$s) is not in Chorus\'s ALLOWED_ORIGINS. Add it to Chorus\'s settings (comma-separated, e.g. ALLOWED_ORIGINS=%2$s) and restart Chorus.', 'chorus' ), $origin, $origin ),
	);
	$owner   = chorus_owner_request( 'GET', '/admin/api/comments?limit=1', array( 'timeout' => 5 ) );
	$trusted = ! is_wp_error( $owner ) && 200 === (int) wp_remote_retrieve_response_code( $owner );
	$lines[] = array(
		'ok'   => $trusted,
		'text' => $trusted ? __( 'The API token is accepted.', 'chorus' )
			: __( 'The API token is not accepted: copy ADMIN_API_TOKEN from Chorus\'s settings into the field above.', 'chorus' ),
	);
	return $lines;
}

/**
 * This site's WXR as WordPress's own exporter writes it (all content: posts, pages and their
 * comments), captured instead of downloaded.
 *
 * @return string
 */
function chorus_export_wxr() {
	require_once ABSPATH . 'wp-admin/includes/export.php';
	ob_start();
	export_wp( array( 'content' => 'all' ) );
	$xml = ob_get_clean();
	// export_wp() prepares a download; this answer is a redirect back to the settings page.
	foreach ( array( 'Content-Description', 'Content-Disposition', 'Content-Type' ) as $header ) {
		header_remove( $header );
	}
	return (string) $xml;
}

/**
 * Send the export to Chorus's import API; the summary, or an error message.
 *
 * @param bool $dry_run Only count what would be imported.
 * @return array summary (array|null), error (string).
 */
function chorus_move_comments( $dry_run ) {
	$path     = '/admin/api/import?source=wordpress&keys=page_id' . ( $dry_run ? '&dry_run=1' : '' );
	$response = chorus_owner_request(
		'POST',
		$path,
		array(
			'body'    => chorus_export_wxr(),
			'headers' => array(
				'Authorization' => 'Bearer ' . chorus_settings()['token'],
				'Content-Type'  => 'application/octet-stream',
			),
		)
	);
	if ( is_wp_error( $response ) ) {
		return array(
			'summary' => null,
			'error'   => $response->get_error_message(),
		);
	}
	$summary = null;
	$error   = '';
	// NDJSON: progress lines, then the summary (or an error); a refusal is one JSON error.
	foreach ( preg_split( '/\r?\n/', wp_remote_retrieve_body( $response ) ) as $line ) {
		$item = json_decode( $line, true );
		if ( isset( $item['summary'] ) ) {
			$summary = $item['summary'];
		} elseif ( isset( $item['error']['message'] ) ) {
			$error = $item['error']['message'];
		}
	}
	if ( null === $summary && '' === $error ) {
		/* translators: %d: HTTP status code. */
		$error = sprintf( __( 'Chorus answered %d.', 'chorus' ), (int) wp_remote_retrieve_response_code( $response ) );
	}
	return array(
		'summary' => $summary,
		'error'   => $error,
	);
}

/**
 * Where an action's result waits for the settings page, per user.
 *
 * @return string
 */
function chorus_result_key() {
	return 'chorus_result_' . get_current_user_id();
}

add_action(
	'admin_post_chorus_test',
	static function () {
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Not allowed.', 'chorus' ), '', array( 'response' => 403 ) );
		}
		check_admin_referer( 'chorus_test' );
		set_transient( chorus_result_key(), array( 'test' => chorus_test_connection() ), 300 );
		wp_safe_redirect( admin_url( 'options-general.php?page=chorus' ) );
		exit;
	}
);

add_action(
	'admin_post_chorus_move',
	static function () {
		if ( ! current_user_can( 'export' ) || ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Not allowed.', 'chorus' ), '', array( 'response' => 403 ) );
		}
		check_admin_referer( 'chorus_move' );
		$dry_run = empty( $_POST['confirm'] );
		set_transient( chorus_result_key(), array( 'move' => chorus_move_comments( $dry_run ) ), 300 );
		wp_safe_redirect( admin_url( 'options-general.php?page=chorus' ) );
		exit;
	}
);

/**
 * One move summary as a short list.
 *
 * @param array $summary Chorus's import summary.
 * @return void
 */
function chorus_show_summary( $summary ) {
	$skipped = array_sum( (array) $summary['skipped'] );
	echo '<ul class="chorus-summary">';
	/* translators: %d: number of comments. */
	echo '<li>' . esc_html( sprintf( __( 'Comments found in the export: %d', 'chorus' ), (int) $summary['found'] ) ) . '</li>';
	if ( $summary['dry_run'] ) {
		/* translators: %d: number of comments. */
		echo '<li>' . esc_html( sprintf( __( 'Would be moved: %d', 'chorus' ), (int) $summary['imported'] ) ) . '</li>';
	} else {
		/* translators: %d: number of comments. */
		echo '<li>' . esc_html( sprintf( __( 'Moved: %d', 'chorus' ), (int) $summary['imported'] ) ) . '</li>';
	}
	/* translators: %d: number of comments. */
	echo '<li>' . esc_html( sprintf( __( 'Not moved (already moved, pingbacks, unreadable): %d', 'chorus' ), (int) $skipped ) ) . '</li>';
	foreach ( (array) $summary['skipped_comments'] as $item ) {
		echo '<li>' . esc_html( sprintf( '%s (%s): %s', $item['author'], $item['page'], $item['reason'] ) ) . '</li>';
	}
	echo '</ul>';
}

/**
 * Settings → Chorus.
 *
 * @return void
 */
function chorus_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$settings = chorus_settings();
	$result   = get_transient( chorus_result_key() );
	delete_transient( chorus_result_key() );
	?>
	<div class="wrap">
		<h1><?php esc_html_e( 'Chorus', 'chorus' ); ?></h1>
		<form method="post" action="options.php">
			<?php settings_fields( 'chorus' ); ?>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><label for="chorus-address"><?php esc_html_e( 'Chorus address', 'chorus' ); ?></label></th>
					<td><input type="url" class="regular-text" id="chorus-address" name="<?php echo esc_attr( CHORUS_OPTION ); ?>[address]" value="<?php echo esc_attr( $settings['address'] ); ?>" placeholder="https://comments.example.nl"></td>
				</tr>
				<tr>
					<th scope="row"><label for="chorus-token"><?php esc_html_e( 'API token', 'chorus' ); ?></label></th>
					<td><input type="password" class="regular-text" id="chorus-token" name="<?php echo esc_attr( CHORUS_OPTION ); ?>[token]" value="" autocomplete="off" placeholder="<?php echo $settings['token'] ? esc_attr__( '(saved; leave empty to keep it)', 'chorus' ) : ''; ?>">
					<p class="description"><?php esc_html_e( 'Chorus\'s ADMIN_API_TOKEN; needed to move your comments.', 'chorus' ); ?></p></td>
				</tr>
				<tr>
					<th scope="row"><?php esc_html_e( 'Comments under', 'chorus' ); ?></th>
					<td>
						<label><input type="checkbox" name="<?php echo esc_attr( CHORUS_OPTION ); ?>[types][]" value="post" <?php checked( in_array( 'post', $settings['types'], true ) ); ?>> <?php esc_html_e( 'Posts', 'chorus' ); ?></label><br>
						<label><input type="checkbox" name="<?php echo esc_attr( CHORUS_OPTION ); ?>[types][]" value="page" <?php checked( in_array( 'page', $settings['types'], true ) ); ?>> <?php esc_html_e( 'Pages', 'chorus' ); ?></label>
					</td>
				</tr>
				<tr>
					<th scope="row"><label for="chorus-lang"><?php esc_html_e( 'Language', 'chorus' ); ?></label></th>
					<td><select id="chorus-lang" name="<?php echo esc_attr( CHORUS_OPTION ); ?>[lang]">
						<option value="nl" <?php selected( $settings['lang'], 'nl' ); ?>>Nederlands</option>
						<option value="en" <?php selected( $settings['lang'], 'en' ); ?>>English</option>
						<option value="de" <?php selected( $settings['lang'], 'de' ); ?>>Deutsch</option>
						<option value="fr" <?php selected( $settings['lang'], 'fr' ); ?>>Français</option>
					</select></td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>

		<h2><?php esc_html_e( 'Test connection', 'chorus' ); ?></h2>
		<?php if ( isset( $result['test'] ) ) : ?>
			<ul class="chorus-test">
			<?php foreach ( $result['test'] as $line ) : ?>
				<li class="<?php echo $line['ok'] ? 'chorus-ok' : 'chorus-problem'; ?>"><?php echo $line['ok'] ? '✓ ' : '✗ '; ?><?php echo esc_html( $line['text'] ); ?></li>
			<?php endforeach; ?>
			</ul>
		<?php endif; ?>
		<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="chorus_test">
			<?php wp_nonce_field( 'chorus_test' ); ?>
			<?php submit_button( __( 'Test connection', 'chorus' ), 'secondary', 'submit', false ); ?>
		</form>

		<h2><?php esc_html_e( 'Move my comments', 'chorus' ); ?></h2>
		<p><?php esc_html_e( 'WordPress\'s own comments are no longer shown anywhere, but they stay in your database untouched. This exports all content with WordPress\'s exporter and sends it to Chorus: first to count, then, when you confirm, to import. Moving again adds nothing twice.', 'chorus' ); ?></p>
		<?php if ( isset( $result['move'] ) ) : ?>
			<div class="chorus-move-result">
			<?php if ( $result['move']['error'] ) : ?>
				<p class="chorus-problem"><?php echo esc_html( $result['move']['error'] ); ?></p>
			<?php else : ?>
				<?php chorus_show_summary( $result['move']['summary'] ); ?>
			<?php endif; ?>
			</div>
		<?php endif; ?>
		<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="chorus_move">
			<?php wp_nonce_field( 'chorus_move' ); ?>
			<?php if ( isset( $result['move']['summary'] ) && $result['move']['summary']['dry_run'] ) : ?>
				<input type="hidden" name="confirm" value="1">
				<?php submit_button( __( 'Move them now', 'chorus' ), 'primary', 'submit', false ); ?>
			<?php else : ?>
				<?php submit_button( __( 'Check what would be moved', 'chorus' ), 'secondary', 'submit', false ); ?>
			<?php endif; ?>
		</form>
	</div>
	<?php
}
