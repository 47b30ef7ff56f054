"""Links in cards: papers, code, Hub datasets and models, with lines and context."""

from __future__ import annotations

import pytest

from opengauge.model import Locator
from opengauge.sources.card import parse_card, split_body
from opengauge.sources.links import classify_url, find_links

from .conftest import CARDS


def locate(line, field):
    return Locator(file="README.md", line=line, field=field)


def links_of(text: str):
    card, _ = parse_card(text, "README.md", locate)
    return find_links(split_body(text, card.body_line), card, locate)


@pytest.mark.parametrize(("url", "expected"), [
    ("https://arxiv.org/abs/2310.16944", ("paper", "arxiv:2310.16944")),
    ("https://arxiv.org/pdf/2307.09288v2.pdf", ("paper", "arxiv:2307.09288")),
    ("https://huggingface.co/papers/2402.00838", ("paper", "arxiv:2402.00838")),
    ("https://aclanthology.org/2023.acl-long.1.pdf", ("paper", "acl:2023.acl-long.1")),
    ("https://www.aclweb.org/anthology/P19-1001", ("paper", "acl:P19-1001")),
    ("https://openreview.net/forum?id=abcDEF", ("paper", "openreview:abcDEF")),
    ("https://doi.org/10.1145/3630106.3659005", ("paper", "doi:10.1145/3630106.3659005")),
    ("https://github.com/allenai/OLMo/tree/main/scripts", ("code", "github.com/allenai/OLMo")),
    ("https://gitlab.com/group/project.git", ("code", "gitlab.com/group/project")),
    ("https://huggingface.co/datasets/allenai/dolma/blob/main/README.md",
     ("dataset", "allenai/dolma")),
    ("https://huggingface.co/meta-llama/Llama-2-7b", ("model", "meta-llama/Llama-2-7b")),
    ("https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard", None),
    ("https://huggingface.co/docs/transformers/index", None),
    ("https://example.com/paper.pdf", None),
])
def test_classify_url(url, expected):
    found = classify_url(url)
    assert (found[:2] if found else None) == expected


def test_links_with_lines_sections_and_code_blocks():
    text = ("---\ntags: [arxiv:2401.00001]\n---\n# Model\nPaper: https://arxiv.org/abs/2305.18290.\n"
            "## Training code\nSee [repo](https://github.com/org/train).\n```\n"
            "pip install git+https://github.com/huggingface/transformers.git\n```\n"
            "Cite arXiv:2307.09288 please.\n")
    links = {link.id: link for link in links_of(text)}
    assert links["arxiv:2401.00001"].evidence.locator.field == "tags[0]"
    assert links["arxiv:2305.18290"].evidence.locator.line == 5
    assert links["arxiv:2305.18290"].url == "https://arxiv.org/abs/2305.18290"
    train = links["github.com/org/train"]
    assert (train.kind, train.section, train.in_code) == ("code", "Training code", False)
    assert links["github.com/huggingface/transformers"].in_code is True
    assert links["arxiv:2307.09288"].evidence.locator.line == 11


def test_same_link_twice_is_kept_once_preferring_prose():
    text = "```\nhttps://github.com/a/b\n```\nCode at https://github.com/a/b\n"
    links = links_of(text)
    assert len(links) == 1 and links[0].in_code is False and links[0].evidence.locator.line == 4


@pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
def test_real_card_links():
    text = (CARDS / "allenai__OLMo-2-1124-13B" / "README.md").read_text()
    links = links_of(text)
    kinds = {link.kind for link in links}
    assert {"paper", "code"} <= kinds
    assert any(link.id == "github.com/allenai/OLMo" for link in links)
    for link in links:
        assert link.evidence.locator.line or link.evidence.locator.field


@pytest.mark.skipif(not CARDS.is_dir(), reason="reference cards not present")
def test_bibtex_eprint_is_an_arxiv_link_in_its_citation_section():
    text = (CARDS / "LLM360__Amber" / "README.md").read_text()
    link = next(link for link in links_of(text) if link.id == "arxiv:2312.06550")
    assert link.in_code and link.section and "bibtex" in link.section.lower()
    assert "eprint" in link.evidence.quote.lower()
