from __future__ import annotations

import pytest
from html_helpers import PROSE, run

from cleannews.detectors.link_density import LinkDensityDetector

MENU = "<ul><li><a>Politics</a></li><li><a>Sports</a></li><li><a>Culture</a></li></ul>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (MENU + PROSE, {"Politics": "nav", "Sports": "nav", "Culture": "nav"}),
        # one link in a paragraph is a citation
        ("<p>As <a>the report</a> says, prices rose sharply in the spring.</p>", {}),
        # a list with mostly text and one link stays
        ("<ul><li>Flour, 200 g</li><li>Sugar, 50 g</li><li><a>Butter</a></li></ul>", {}),
        (PROSE, {}),
    ],
)
def test_link_density(html, expected):
    assert run(LinkDensityDetector(), f"<body>{html}</body>") == expected
