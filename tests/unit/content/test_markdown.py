"""The Markdown helper renders the usual syntax and strips anything unsafe."""

from __future__ import annotations

from lab.content.markdown import render_markdown


def test_headings_keep_their_anchor_ids() -> None:
    """attr_list anchors become ids on headings."""
    assert '<h2 id="greeting">Greeting</h2>' in render_markdown("## Greeting {#greeting}")


def test_tables_and_lists_render() -> None:
    """Tables and lists come through."""
    html = render_markdown("| a | b |\n|---|---|\n| 1 | 2 |\n\n1. one\n2. two\n")
    assert "<table>" in html and "<td>1</td>" in html and "<ol>" in html


def test_scripts_handlers_and_styles_are_removed() -> None:
    """No script, no inline handler, no style survives."""
    html = render_markdown(
        '<script>alert(1)</script><img src=x onerror="alert(1)">'
        '<p style="color:red" onclick="x()">hi</p>'
    )
    for bad in ("<script", "onerror", "onclick", "style=", "<img"):
        assert bad not in html


def test_links_get_noopener_and_unsafe_urls_are_dropped() -> None:
    """Links carry rel=noopener; javascript: URLs lose their href."""
    html = render_markdown("[ok](https://example.org) [bad](javascript:alert(1))")
    assert 'href="https://example.org"' in html and "noopener" in html
    assert "javascript:" not in html


def test_a_list_right_after_a_paragraph_line_is_a_list():
    """'**Say:**' and '- ...' lines without a blank line between them: a list, not one
    run-on paragraph; code fences are left alone."""
    from lab.content.markdown import render_markdown

    html = render_markdown("**Say:**\n- «One»\n- «Two»\n\nSteps:\n1. First\n2. Second\n")
    assert "<ul>" in html and html.count("<li>") == 4 and "<ol>" in html
    assert "<p><strong>Say:</strong></p>" in html
    fenced = render_markdown("```\ntext\n- not a list\n```\n")
    assert "<li>" not in fenced
