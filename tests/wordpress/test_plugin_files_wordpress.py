"""The plugin's files: PHP that parses, a Dutch translation that is complete and compiled, and
an uninstall that removes the plugin's settings and nothing else.

WordPress's coding standards (phpcs with the WordPress ruleset) come from Packagist, which this
machine does not reach; `php -l` is the check that runs everywhere.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.wordpress.conftest import PLUGIN, Site

PHP_FILES = sorted(PLUGIN.rglob("*.php"))
PO = PLUGIN / "languages" / "chorus-nl_NL.po"


def _needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        reason = f"{tool} is not installed (make wordpress; gettext for msgfmt)"
        if IN_CI:
            pytest.fail(f"{reason}; CI must check the plugin's files")
        pytest.skip(reason)
    return found


@pytest.mark.parametrize("path", PHP_FILES, ids=lambda p: str(p.relative_to(PLUGIN)))
def test_every_php_file_parses(path: Path) -> None:
    done = subprocess.run([_needs("php"), "-l", str(path)], capture_output=True, timeout=30)
    assert done.returncode == 0, done.stdout.decode() + done.stderr.decode()


def test_every_php_file_is_gpl_and_stops_outside_wordpress() -> None:
    header = (PLUGIN / "chorus.php").read_text()
    assert "License:           GPL-2.0-or-later" in header
    assert "Text Domain:       chorus" in header
    for path in PHP_FILES:
        text = path.read_text()
        assert "defined( 'ABSPATH' ) || exit;" in text or "WP_UNINSTALL_PLUGIN" in text, path


def _translatable() -> set[str]:
    """Every string the plugin's PHP hands to WordPress's translation functions."""
    template = subprocess.run(
        [_needs("xgettext"), "--language=PHP", "--from-code=UTF-8", "-o", "-"]
        + [f"-k{name}" for name in ("__", "_e", "esc_html__", "esc_html_e", "esc_attr__")]
        + [str(p) for p in PHP_FILES],
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout.decode()
    return set(_messages(template)) - {""}


def _messages(po: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for block in po.split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if msgid and msgstr:

            def joined(match: re.Match[str]) -> str:
                return "".join(re.findall(r'"(.*)"', match.group(1)))

            found[joined(msgid)] = joined(msgstr)
    return found


def test_every_string_has_a_dutch_translation_with_the_same_placeholders() -> None:
    dutch = _messages(PO.read_text())
    for english in _translatable():
        assert dutch.get(english), f"no Dutch for {english!r}"
        assert re.findall(r"%\d?\$?[sd]", english) == re.findall(r"%\d?\$?[sd]", dutch[english])


def test_a_dutch_site_gets_the_plugin_in_dutch(site: Site) -> None:
    said = site.php(
        """unload_textdomain( 'chorus' );
        add_filter( 'plugin_locale', function () { return 'nl_NL'; } );
        load_plugin_textdomain( 'chorus', false, 'chorus/languages' );
        echo json_encode( array( __( 'Move my comments', 'chorus' ), chorus_site_lang() ) );"""
    )
    assert said == ["Mijn reacties verhuizen", "en"]  # the site itself still speaks English
    assert (
        site.php(
            "add_filter( 'locale', function () { return 'nl_NL'; } );"
            " echo json_encode( chorus_site_lang() );"
        )
        == "nl"
    )


def test_the_compiled_translation_is_the_po_file(tmp_path: Path) -> None:
    fresh = tmp_path / "chorus-nl_NL.mo"
    subprocess.run([_needs("msgfmt"), "-o", str(fresh), str(PO)], check=True, timeout=30)
    assert fresh.read_bytes() == (PLUGIN / "languages" / "chorus-nl_NL.mo").read_bytes()


def test_uninstall_removes_the_plugins_settings_and_nothing_else(site: Site) -> None:
    before = site.php("echo json_encode( get_option( 'chorus_settings' ) );")
    post_id = site.new_post("Blijft", "<p>Blijft staan.</p>")
    site.wordpress_comment(post_id, "Anna", "Blijft ook.")
    try:
        after = site.php(
            """define( 'WP_UNINSTALL_PLUGIN', 'chorus/chorus.php' );
            include WP_PLUGIN_DIR . '/chorus/uninstall.php';
            echo json_encode( get_option( 'chorus_settings', 'gone' ) );"""
        )
        assert after == "gone"
        assert site.php(f"echo json_encode( get_post_status( {post_id} ) );") == "publish"
        assert site.wordpress_comments(post_id) == 1
    finally:
        saved = base64.b64encode(json.dumps(before).encode()).decode()
        site.php(
            f"update_option( 'chorus_settings', json_decode( base64_decode( '{saved}' ), true ) );"
        )
