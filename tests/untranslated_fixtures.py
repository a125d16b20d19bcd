"""Small English/Korean documents shared by the tests of markers, classify and bilingual."""

from __future__ import annotations

from pathlib import Path

from transpair.model import Alignment, Bead, Block, Document
from transpair.settle.classify import classify

BLOG = Path(__file__).resolve().parent.parent / "corpora" / "blog"
PYDOCS = Path(__file__).resolve().parent.parent / "corpora" / "pydocs"

TBD = "[TBD - to be translated later, sorry]"
EN = [
    "Installing the package",
    "Run the installer and follow the steps on the screen.",
    "The configuration file lives in your home folder.",
    "You can change the port with the --port option.",
]
KO = [
    "패키지 설치하기",
    "설치 프로그램을 실행하고 화면의 안내를 따르세요.",
    "설정 파일은 홈 폴더에 있습니다.",
    "--port 옵션으로 포트를 바꿀 수 있습니다.",
]


def doc(paragraphs: list[str], kinds: dict[int, str] | None = None, path: str = "mem.txt") -> Document:
    """A document whose blocks are the paragraphs, separated by blank lines, spans and lines set."""
    blocks, pos, line = [], 0, 1
    for i, text in enumerate(paragraphs):
        blocks.append(Block(text, (kinds or {}).get(i, "paragraph"), line, pos, pos + len(text)))
        pos += len(text) + 2
        line += text.count("\n") + 2
    return Document(path, "\n\n".join(paragraphs), tuple(blocks))


def one_to_one(source: list[str], target: list[str], src_lang: str = "en", tgt_lang: str = "ko") -> Alignment:
    """Source and target paired block by block, as the aligner would for a clean pair."""
    beads = tuple(Bead((i,), (i,), 0.9, "translated") for i in range(len(source)))
    return Alignment(doc(source), doc(target), beads, src_lang, tgt_lang)


def statuses(alignment: Alignment) -> list[tuple[str, str]]:
    """(status, reason) of every bead."""
    return [(b.status, b.reason) for b in classify(alignment).beads]
