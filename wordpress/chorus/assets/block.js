/* The "Chorus testimonials" block in the editor: options in the sidebar, the wall as the site renders it. */
( function ( blocks, element, serverSideRender, blockEditor, components, i18n ) {
	'use strict';
	const el = element.createElement;
	const __ = i18n.__;
	blocks.registerBlockType( 'chorus/testimonials', {
		title: __( 'Chorus testimonials', 'chorus' ),
		icon: 'format-quote',
		category: 'widgets',
		edit: function ( props ) {
			const set = function ( name ) {
				return function ( value ) {
					const change = {};
					change[ name ] = value;
					props.setAttributes( change );
				};
			};
			return el(
				element.Fragment,
				null,
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: __( 'Testimonials', 'chorus' ) },
						el( components.SelectControl, {
							label: __( 'Layout', 'chorus' ),
							value: props.attributes.layout,
							options: [
								{ label: __( 'Grid', 'chorus' ), value: 'grid' },
								{ label: __( 'Carousel', 'chorus' ), value: 'carousel' },
							],
							onChange: set( 'layout' ),
						} ),
						el( components.RangeControl, {
							label: __( 'How many', 'chorus' ),
							value: props.attributes.limit,
							min: 1,
							max: 50,
							onChange: set( 'limit' ),
						} ),
						el( components.ToggleControl, {
							label: __( 'Show the summary line', 'chorus' ),
							checked: props.attributes.summary,
							onChange: set( 'summary' ),
						} ),
						el( components.SelectControl, {
							label: __( 'Language', 'chorus' ),
							value: props.attributes.lang,
							options: [
								{ label: __( 'Every language', 'chorus' ), value: '' },
								{ label: 'Nederlands', value: 'nl' },
								{ label: 'English', value: 'en' },
							],
							onChange: set( 'lang' ),
						} )
					)
				),
				el( serverSideRender, { block: 'chorus/testimonials', attributes: props.attributes } )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp.blocks, window.wp.element, window.wp.serverSideRender, window.wp.blockEditor, window.wp.components, window.wp.i18n );
