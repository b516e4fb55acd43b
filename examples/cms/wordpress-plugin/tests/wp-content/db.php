<?php
/**
 * Database drop-in for the test harness (WordPress loads WP_CONTENT_DIR/db.php before it connects; see
 * require_wp_db() in wp-includes/load.php): instead of MySQL, three in-memory tables, filled by render.php before
 * WordPress starts — `options` (name => [value, autoload]), `users` (ID => row) and `usermeta` (ID => key => value).
 * It answers the few statements WordPress sends while it loads and renders a page: the autoloaded options, one
 * option, adding, updating and deleting an option, a user and a user's meta. Every other statement answers empty
 * and is counted in $hausportal_db['unanswered'].
 *
 * @package Hausportal
 */

/** The wpdb that needs no server. */
class Hausportal_Memory_Db extends wpdb {

	/** No connection: the tables are $GLOBALS['hausportal_db']. */
	public function __construct() {
		$this->ready   = true;
		$this->charset = 'utf8mb4';
		$this->collate = 'utf8mb4_unicode_520_ci';
	}

	/** The in-memory tables. */
	private function &memory() {
		return $GLOBALS['hausportal_db'];
	}

	/**
	 * Escapes as mysqli_real_escape_string() would for these values.
	 *
	 * @param string $data Value.
	 * @return string
	 */
	public function _real_escape( $data ) {
		return is_scalar( $data ) ? $this->add_placeholder_escape( addslashes( (string) $data ) ) : '';
	}

	/** @return string A MySQL 8 server. */
	public function db_version() {
		return '8.0.36';
	}

	/** @return string A MySQL 8 server. */
	public function db_server_info() {
		return '8.0.36';
	}

	/** @return bool Always connected. */
	public function check_connection( $allow_bail = true ) {
		return true;
	}

	/**
	 * Rows for a SELECT this drop-in knows, as objects (OBJECT) or arrays (ARRAY_A); [] otherwise.
	 *
	 * @param string $query  SQL.
	 * @param string $output OBJECT or ARRAY_A.
	 * @return array
	 */
	public function get_results( $query = null, $output = OBJECT ) {
		$rows = $this->memory_select( $this->remove_placeholder_escape( (string) $query ) );
		return ARRAY_A === $output ? $rows : array_map( static fn( $row ) => (object) $row, $rows );
	}

	/** @return object|array|null The first row, as get_results(). */
	public function get_row( $query = null, $output = OBJECT, $y = 0 ) {
		return $this->get_results( $query, $output )[ $y ] ?? null;
	}

	/** @return string|null The first column of the first row. */
	public function get_var( $query = null, $x = 0, $y = 0 ) {
		$row = $this->get_row( $query, ARRAY_A, $y );
		return $row ? array_values( $row )[ $x ] ?? null : null;
	}

	/** @return array The first column of every row. */
	public function get_col( $query = null, $x = 0 ) {
		return array_map( static fn( $row ) => array_values( $row )[ $x ] ?? null, $this->get_results( $query, ARRAY_A ) );
	}

	/**
	 * The rows of a known SELECT.
	 *
	 * @param string $sql SQL with values quoted.
	 * @return array[] Rows as arrays.
	 */
	private function memory_select( $sql ) {
		$t = &$this->memory();
		if ( preg_match( "/^SELECT option_name, option_value FROM {$this->options} WHERE autoload = 'yes'/", $sql ) ) {
			$rows = array();
			foreach ( $t['options'] as $name => list( $value, $autoload ) ) {
				if ( 'yes' === $autoload ) {
					$rows[] = array( 'option_name' => $name, 'option_value' => $value );
				}
			}
			return $rows;
		}
		if ( preg_match( "/^SELECT option_value FROM {$this->options} WHERE option_name = '((?:[^'\\\\]|\\\\.)*)' LIMIT 1/", $sql, $m ) ) {
			$name = stripslashes( $m[1] );
			return isset( $t['options'][ $name ] ) ? array( array( 'option_value' => $t['options'][ $name ][0] ) ) : array();
		}
		if ( preg_match( "/^SELECT \\* FROM {$this->users} WHERE (ID|user_login) = '([^']*)' LIMIT 1/", $sql, $m ) ) {
			foreach ( $t['users'] as $user ) {
				if ( (string) $user[ $m[1] ] === $m[2] ) {
					return array( $user );
				}
			}
			return array();
		}
		if ( preg_match( "/^SELECT user_id, meta_key, meta_value FROM {$this->usermeta} WHERE user_id IN \\(([0-9,]+)\\)/", $sql, $m ) ) {
			$rows = array();
			foreach ( explode( ',', $m[1] ) as $id ) {
				foreach ( $t['usermeta'][ (int) $id ] ?? array() as $key => $value ) {
					$rows[] = array( 'user_id' => $id, 'meta_key' => $key, 'meta_value' => $value );
				}
			}
			return $rows;
		}
		$t['unanswered'][] = $sql;
		return array();
	}

	/**
	 * add_option()'s INSERT … ON DUPLICATE KEY UPDATE; any other statement is counted and does nothing.
	 *
	 * @param string $query SQL.
	 * @return int Rows affected.
	 */
	public function query( $query ) {
		$sql = $this->remove_placeholder_escape( (string) $query );
		$t   = &$this->memory();
		$str = "'((?:[^'\\\\]|\\\\.)*)'";
		if ( preg_match( "/^INSERT INTO `{$this->options}` \\(`option_name`, `option_value`, `autoload`\\) VALUES \\($str, $str, $str\\)/", $sql, $m ) ) {
			$t['options'][ stripslashes( $m[1] ) ] = array( stripslashes( $m[2] ), stripslashes( $m[3] ) );
			return 1;
		}
		$t['unanswered'][] = $sql;
		return 0;
	}

	/** update_option(): an UPDATE of the options table by option_name. */
	public function update( $table, $data, $where, $format = null, $where_format = null ) {
		$t = &$this->memory();
		if ( $table !== $this->options || ! isset( $where['option_name'], $t['options'][ $where['option_name'] ] ) ) {
			$t['unanswered'][] = "UPDATE $table";
			return false;
		}
		$row = &$t['options'][ $where['option_name'] ];
		$row = array( $data['option_value'] ?? $row[0], $data['autoload'] ?? $row[1] );
		return 1;
	}

	/** delete_option(): a DELETE from the options table by option_name. */
	public function delete( $table, $where, $where_format = null ) {
		$t = &$this->memory();
		if ( $table !== $this->options || ! isset( $where['option_name'] ) ) {
			$t['unanswered'][] = "DELETE $table";
			return false;
		}
		unset( $t['options'][ $where['option_name'] ] );
		return 1;
	}
}

$wpdb = new Hausportal_Memory_Db();
