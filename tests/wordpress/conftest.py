"""A throwaway WordPress with the plugin from this working tree, and Chorus beside it.

One site for the whole session (installing WordPress is the slow part): Debian's WordPress
copied into a temporary directory with a wp-config.php of its own, a MariaDB database of this
run's own (dropped at the end), Apache on a free loopback port with a configuration of its own
(never port 80, never the system's sites), the plugin linked from wordpress/chorus, and Chorus
served by uvicorn on another free port with its own SQLite database. Tests change the site
through `site.php(...)`, PHP run with WordPress loaded, as WordPress's own functions do it.

Without Debian's packages (`make wordpress`), MariaDB or Chromium the layer skips with one
line; under CI (CI=true) it fails instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

import settings
from tests.conftest import ADMIN_TOKEN, CHROMIUM, IN_CI, LiveServer

WORDPRESS = Path("/usr/share/wordpress")
APACHE = Path("/usr/sbin/apache2")
MODULES = Path("/usr/lib/apache2/modules")
PLUGIN = Path(__file__).resolve().parents[2] / "wordpress" / "chorus"
MARIADB = {"host": "127.0.0.1", "port": "3306", "user": "root"}
ADMIN_USER, ADMIN_PASSWORD = "owner", "wordpress-test-password-1"
BLOCK_THEME, CLASSIC_THEME = "twentytwentythree", "twentytwentyone"
SALTS = ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY"]
SALTS += ["AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"]


def _missing() -> str | None:
    """Why this machine cannot run the layer, or None."""
    for path, package in [
        (WORDPRESS / "wp-load.php", "wordpress"),
        (WORDPRESS / "wp-content/themes" / BLOCK_THEME, "wordpress-theme-twentytwentythree"),
        (WORDPRESS / "wp-content/themes" / CLASSIC_THEME, "wordpress-theme-twentytwentyone"),
        (APACHE, "apache2"),
        (Path(CHROMIUM), "chromium"),
    ]:
        if not path.exists():
            target = "make browser" if package == "chromium" else "make wordpress"
            return f"{path} is missing (Debian's {package}: {target})"
    if shutil.which("php") is None or not list(MODULES.glob("libphp*.so")):
        return "php-cli or libapache2-mod-php is missing (make wordpress)"
    if shutil.which("mysql") is None:
        return "the mysql client is missing (MariaDB's client)"
    if _mysql("SELECT 1").returncode != 0:
        return f"MariaDB at {MARIADB['host']}:{MARIADB['port']} does not answer"
    return None


def _mysql(sql: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["mysql", "-h", MARIADB["host"], "-P", MARIADB["port"], "-u", MARIADB["user"], "-e", sql],
        capture_output=True,
        timeout=30,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _copy_wordpress(target: Path) -> None:
    """Debian's tree, hard-linked where the file system allows (copied where not)."""

    def link_or_copy(source: str, destination: str) -> None:
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)

    shutil.copytree(WORDPRESS, target, symlinks=True, copy_function=link_or_copy)
    (target / "wp-config.php").unlink()  # Debian's reads /etc/wordpress; ours is written below


_WP_CONFIG = """<?php
define( 'DB_NAME', '{database}' );
define( 'DB_USER', '{user}' );
define( 'DB_PASSWORD', '' );
define( 'DB_HOST', '{host}:{port}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', '{url}' );
define( 'WP_SITEURL', '{url}' );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1' );
define( 'DISABLE_WP_CRON', true );
// Errors of the command-line runs go to debug.log, which the tests show when a run fails; the
// web server's runs log nothing (WordPress 6.1 on PHP 8.2 logs deprecations on every page).
define( 'WP_DEBUG', 'cli' === PHP_SAPI );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '{root}/debug.log' );
{salts}
$table_prefix = 'wp_';
if ( ! defined( 'ABSPATH' ) ) {{
	define( 'ABSPATH', __DIR__ . '/' );
}}
require_once ABSPATH . 'wp-settings.php';
"""

_APACHE_CONF = """ServerRoot "{root}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{root}/apache.pid"
ErrorLog "{root}/apache-error.log"
LogLevel warn
{user}
LoadModule mpm_prefork_module {modules}/mod_mpm_prefork.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule php_module {php}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
TypesConfig /etc/mime.types
DocumentRoot "{site}"
<Directory "{site}">
    Require all granted
    AllowOverride None
</Directory>
DirectoryIndex index.php
<FilesMatch "\\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
"""


@dataclass
class Site:
    """The running WordPress and the Chorus it talks to."""

    url: str
    root: Path
    chorus: str
    database: str
    _cookies: list[dict[str, Any]] = field(default_factory=list)

    @property
    def php_options(self) -> list[str]:
        cache = self.root / "opcache"
        cache.mkdir(exist_ok=True)
        return [
            "-d",
            "opcache.enable_cli=1",
            "-d",
            f"opcache.file_cache={cache}",
            "-d",
            "opcache.file_cache_only=1",
        ]

    def php(self, code: str) -> Any:
        """Run PHP with WordPress loaded (as the admin); what it echoes, decoded as JSON."""
        script = self.root / "run.php"
        done = subprocess.run(
            # PHP parses all of WordPress for every run; its opcode cache on disk spares that.
            ["php", *self.php_options, str(script)],
            input=code.encode(),
            capture_output=True,
            timeout=120,
            cwd=self.root / "wordpress",
        )
        if done.returncode != 0:
            log = self.root / "debug.log"
            told = log.read_text()[-2000:] if log.exists() else done.stdout.decode()[-2000:]
            raise AssertionError(f"PHP failed: {told} {done.stderr.decode()}")
        out = done.stdout.decode().strip()
        return json.loads(out) if out else None

    def admin_cookies(self) -> list[dict[str, Any]]:
        """The administrator's login cookies, from one login through wp-login.php a session."""
        if not self._cookies:
            with httpx.Client(base_url=self.url, timeout=30) as client:
                client.cookies.set("wordpress_test_cookie", "WP Cookie check")
                answer = client.post(
                    "/wp-login.php",
                    data={"log": ADMIN_USER, "pwd": ADMIN_PASSWORD, "testcookie": "1"},
                )
                assert answer.status_code == 302, answer.text[-500:]
                self._cookies = [
                    {"name": c.name, "value": c.value or "", "domain": "127.0.0.1", "path": c.path}
                    for c in client.cookies.jar
                ]
        return self._cookies

    def owner(self) -> httpx.Client:
        """Chorus's owner API, with the API token the plugin has too."""
        return httpx.Client(
            base_url=self.chorus, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=20
        )

    def use_theme(self, theme: str) -> None:
        self.php(f"switch_theme( '{theme}' );")

    def new_post(self, title: str, body: str, post_type: str = "post") -> int:
        """A published post (or page); its ID."""
        code = f"""echo json_encode( wp_insert_post( array(
            'post_title' => {json.dumps(title)}, 'post_content' => {json.dumps(body)},
            'post_status' => 'publish', 'post_type' => {json.dumps(post_type)} ), true ) );"""
        return int(self.php(code))

    def wordpress_comment(self, post_id: int, author: str, text: str, parent: int = 0) -> int:
        """A comment made as WordPress makes one, approved, in WordPress's own table."""
        code = f"""echo json_encode( wp_insert_comment( array(
            'comment_post_ID' => {post_id}, 'comment_author' => {json.dumps(author)},
            'comment_author_email' => 'reader@example.nl', 'comment_content' => {json.dumps(text)},
            'comment_approved' => 1, 'comment_parent' => {parent},
            'comment_date' => '2024-03-01 10:00:00',
            'comment_date_gmt' => '2024-03-01 09:00:00' ) ) );"""
        return int(self.php(code))

    def wordpress_comments(self, post_id: int) -> int:
        """How many comments WordPress itself holds for a post, in its own table."""
        code = (
            f"echo json_encode( get_comments( array( 'post_id' => {post_id}, 'count' => true ) ) );"
        )
        return int(self.php(code))

    def move_comments(self) -> dict[str, Any]:
        """The plugin's "Move my comments", confirmed, without the page around it."""
        result: dict[str, Any] = self.php("echo json_encode( chorus_move_comments( false ) );")
        assert result["error"] == "", result
        return result


_RUNNER = """<?php
// Runs the PHP on standard input with WordPress loaded, as the site's first administrator.
$_SERVER['HTTP_HOST'] = '127.0.0.1:{port}';
$_SERVER['REQUEST_URI'] = '/';
require __DIR__ . '/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( 1 );
eval( stream_get_contents( STDIN ) );
"""

_INSTALL = """<?php
$_SERVER['HTTP_HOST'] = '127.0.0.1:{port}';
define( 'WP_INSTALLING', true );
require __DIR__ . '/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install( 'Praktijk Zon', '{user}', 'owner@example.nl', false, '', '{password}' );
"""


def _start_apache(root: Path, site: Path, port: int) -> subprocess.Popen[bytes]:
    php = sorted(MODULES.glob("libphp*.so"))[-1]
    # As root Apache must hand its children to a user; www-data reads the site's copy.
    user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
    conf = root / "apache.conf"
    conf.write_text(
        _APACHE_CONF.format(root=root, port=port, user=user, modules=MODULES, php=php, site=site)
    )
    # A session of its own: Apache signals its whole process group when it stops.
    process = subprocess.Popen(
        [str(APACHE), "-f", str(conf), "-DFOREGROUND"], start_new_session=True
    )
    deadline = time.monotonic() + 20
    while True:  # readiness poll: the port answers
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return process
        if process.poll() is not None or time.monotonic() > deadline:
            log = (
                (root / "apache-error.log").read_text()
                if (root / "apache-error.log").exists()
                else ""
            )
            raise RuntimeError(f"Apache did not start: {log}")
        time.sleep(0.05)


@pytest.fixture(autouse=True)
def _chorus_for_the_site(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Chorus's settings for the WordPress site, for each test that uses it and no longer.

    Set once for the session, they reached every other test the same worker ran afterwards
    (a comment's page address outside ALLOWED_ORIGINS is dropped, so the cards lost their links).
    """
    if "site" not in request.fixturenames:
        return
    here: Site = request.getfixturevalue("site")
    monkeypatch.setattr(settings, "ALLOWED_ORIGINS", [here.url])
    monkeypatch.setattr(settings, "RATE_LIMIT_POSTS", 1000)
    monkeypatch.setattr(settings, "FORM_MIN_SECONDS", 0)
    monkeypatch.setattr(settings, "PUBLIC_URL", here.chorus)


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    """WordPress with the plugin active and configured, on plain permalinks, and Chorus."""
    reason = _missing()
    if reason is not None:
        if IN_CI:
            pytest.fail(f"{reason}; CI must run the WordPress tests")
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="chorus-wordpress-"))
    root.chmod(0o755)  # Apache's children (www-data) read the site from here
    database = f"chorus_wp_{os.getpid()}_{secrets.token_hex(4)}"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    apache = None
    created = False
    with contextlib.ExitStack() as stack:
        try:
            assert _mysql(f"CREATE DATABASE `{database}`").returncode == 0
            created = True
            wordpress = root / "wordpress"
            _copy_wordpress(wordpress)
            # A copy, not a link: Apache's children (www-data) may not enter the checkout's
            # folder (a clean clone in a mktemp folder is the owner's alone).
            shutil.copytree(PLUGIN, wordpress / "wp-content/plugins/chorus")
            salts = "\n".join(f"define( '{name}', '{secrets.token_hex(24)}' );" for name in SALTS)
            (wordpress / "wp-config.php").write_text(
                _WP_CONFIG.format(database=database, url=url, root=root, salts=salts, **MARIADB)
            )
            (root / "install.php").write_text(
                _INSTALL.format(port=port, user=ADMIN_USER, password=ADMIN_PASSWORD)
            )
            (root / "run.php").write_text(_RUNNER.format(port=port))
            subprocess.run(
                ["php", str(root / "install.php")], check=True, capture_output=True, timeout=120
            )
            chorus = stack.enter_context(LiveServer(f"sqlite:///{root / 'chorus.db'}"))
            apache = _start_apache(root, wordpress, port)
            here = Site(url=url, root=root, chorus=chorus.url, database=database)
            here.php(
                textwrap.dedent(f"""
                update_option( 'permalink_structure', '' );
                activate_plugin( 'chorus/chorus.php' );
                update_option( 'chorus_settings', array(
                    'address' => '{chorus.url}', 'token' => '{ADMIN_TOKEN}',
                    'types' => array( 'post', 'page' ), 'lang' => 'en' ) );
                """)
            )
            yield here
        finally:
            if apache is not None:
                apache.terminate()
                apache.wait(timeout=20)
            if created:
                _mysql(f"DROP DATABASE IF EXISTS `{database}`")
            shutil.rmtree(root, ignore_errors=True)
