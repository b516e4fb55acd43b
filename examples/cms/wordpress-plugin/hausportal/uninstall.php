<?php
/**
 * Deleting the plugin removes its settings (WordPress runs this file on uninstall).
 *
 * @package Hausportal
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'hausportal_settings' );
