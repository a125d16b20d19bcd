"""Recall of every `transpair check` check on defects injected into real aligned POs, and the share of
untouched entries with a finding.

Usage: python bench/bench_check.py PO_DIR [--per-check 25] [--seed 1] [--examples 3]

PO_DIR: POs aligned from a real site, e.g. the Vue docs:
    transpair align vue-en/src vue-ko/src -o PO_DIR --no-history
Each check gets --per-check defects, each in its own translated entry that has no finding of that check
before. Consistency: 8 terms found with their Korean translation in 15+ entries (Dice >= 0.8, no
competing translation) each translated another way, a made-up word, in 3 entries on 3 pages. The
glossary is the site's own: the 100 most frequent mined pairs found together in 95 %+ of their 10+
entries, with no competing translation and not a label (every other term with a made-up forbidden
variant). Number: the source's numbers only (the check's definition). All defects go in at once, then
one `check` run over the whole site: recall = injected defects the check reports on their entry;
untouched rate = entries with no defect that get any finding (per check too), with examples.
"""

from __future__ import annotations

import argparse
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import regex

from transpair.check.config import DEFAULT_LEVELS, CheckSettings
from transpair.check.findings import Entry
from transpair.check.korean import DOUBLE_FORMS, FORMAL, speech_levels
from transpair.check.markup import CODE, MD_LINK, PLACEHOLDER, anchors, numbers, prose, tags
from transpair.check.run import MIN_TERM_DICE, check_pages, page_entries
from transpair.check.terms import as_glossary, english_terms, korean_terms, mine
from transpair.po.file import read_po

GLOSSARY_SIZE = 100  # a team's glossary: the site's most frequent terms with one translation
Inject = Callable[[Entry, random.Random], Entry | None]


def _msgstr(entry: Entry, text: str | None) -> Entry | None:
    """The entry with a new msgstr, None when the defect could not be made."""
    return None if text is None or text == entry.msgstr else replace(entry, msgstr=text)


def inject_code(entry: Entry, rnd: random.Random) -> Entry | None:
    """A code span's backticks dropped, or a character of it changed."""
    spans = list(CODE.finditer(entry.msgstr))
    if not spans:
        return None
    m = rnd.choice(spans)
    body = m[2] if rnd.random() < 0.5 else m[2][:-1] + ("x" if m[2][-1] != "x" else "y")
    return _msgstr(
        entry,
        entry.msgstr[: m.start()] + (body if body == m[2] else m[1] + body + m[1]) + entry.msgstr[m.end() :],
    )


def inject_link(entry: Entry, rnd: random.Random) -> Entry | None:
    """A link target with a character dropped, or the link reduced to its text."""
    links = [m for m in MD_LINK.finditer(entry.msgstr) if len(m[2]) > 1]
    if not links:
        return None
    m = rnd.choice(links)
    if rnd.random() < 0.5:
        new = m[1].lstrip("!")[1:-1]
    else:
        cut = rnd.randrange(len(m[2]))
        new = f"{m[1]}({m[2][:cut] + m[2][cut + 1 :]})"
    return _msgstr(entry, entry.msgstr[: m.start()] + new + entry.msgstr[m.end() :])


def inject_number(entry: Entry, rnd: random.Random) -> Entry | None:
    """The last digit of a number of the source's prose changed in the translation."""
    found = [n for n in numbers(entry.msgid) if n in entry.msgstr]
    if not found:
        return None
    digits = rnd.choice(found)
    spots = list(regex.finditer(rf"(?<![\w.`/#-]){regex.escape(digits)}(?![\w`/-])", entry.msgstr))
    if not spots:
        return None
    m = rnd.choice(spots)
    new = digits[:-1] + str((int(digits[-1]) + 1) % 10)
    return _msgstr(entry, entry.msgstr[: m.start()] + new + entry.msgstr[m.end() :])


def inject_tag(entry: Entry, rnd: random.Random) -> Entry | None:
    """An inline tag dropped."""
    if not tags(entry.msgstr):
        return None
    spots = [m for m in regex.finditer(r"</?[A-Za-z][\w.:-]*(?:\s[^<>]*?)?/?>", entry.msgstr)]
    spots = [
        m for m in spots if not any(c.start() <= m.start() < c.end() for c in CODE.finditer(entry.msgstr))
    ]
    if not spots:
        return None
    m = rnd.choice(spots)
    return _msgstr(entry, entry.msgstr[: m.start()] + entry.msgstr[m.end() :])


def inject_anchor(entry: Entry, rnd: random.Random) -> Entry | None:
    """A heading id translated (a Korean word in it) or dropped."""
    if not anchors(entry.msgstr):
        return None
    m = rnd.choice(list(regex.finditer(r"\{#([^\s{}]+)\}", entry.msgstr)))
    new = "" if rnd.random() < 0.5 else "{#" + m[1] + "-번역}"
    return _msgstr(entry, entry.msgstr[: m.start()] + new + entry.msgstr[m.end() :])


def inject_placeholder(entry: Entry, rnd: random.Random) -> Entry | None:
    """A placeholder translated; the site has few, so one is added to both texts first where none is."""
    spots = [m for m in PLACEHOLDER.finditer(entry.msgstr)]
    if not spots or any(c.start() <= spots[0].start() < c.end() for c in CODE.finditer(entry.msgstr)):
        name = rnd.choice(["name", "count", "path"])
        entry = replace(entry, msgid=f"{entry.msgid} {{{name}}}", msgstr=f"{entry.msgstr} {{{name}}}")
        spots = [m for m in PLACEHOLDER.finditer(entry.msgstr)][-1:]
    m = spots[-1]
    new = rnd.choice(["{이름}", "{ name }", "%d", "{{ 값 }}"])
    return replace(entry, msgstr=entry.msgstr[: m.start()] + new + entry.msgstr[m.end() :])


def inject_english_left(entry: Entry, rnd: random.Random) -> Entry | None:
    """The last Korean sentence replaced by the msgid's last English sentence."""
    english = [s for s in regex.split(r"(?<=[.!?])\s+", entry.msgid) if len(s.split()) >= 6 and "`" not in s]
    korean = regex.split(r"(?<=[.!?])\s+", entry.msgstr)
    if not english or len(korean) < 2:
        return None
    return _msgstr(entry, " ".join(korean[:-1] + [english[-1]]))


def inject_cjk(entry: Entry, rnd: random.Random) -> Entry | None:
    """A Korean word written in Chinese characters, a Japanese particle, or a Chinese full stop."""
    choices = [
        ("사용", "使用"),
        ("의 ", "の "),
        ("컴포넌트", "コンポーネント"),
        ("함수", "函數"),
        ("값", "値"),
    ]
    rnd.shuffle(choices)
    for old, new in choices:
        if old in prose(entry.msgstr):
            return _msgstr(entry, entry.msgstr.replace(old, new, 1))
    if entry.msgstr.endswith("."):
        return _msgstr(entry, entry.msgstr[:-1] + "。")
    return None


PARTICLE_FORMS = {
    "을": "을(를)",
    "를": "를(을)",
    "이": "이(가)",
    "가": "가(이)",
    "은": "은(는)",
    "는": "는(은)",
    "와": "와(과)",
    "과": "과(와)",
    "으로": "(으)로",
    "로": "(으)로",
}


def inject_particle_form(entry: Entry, rnd: random.Random) -> Entry | None:
    """A particle after a Korean noun written as a double form (을 -> 을(를))."""
    spots = [m for m in regex.finditer(r"(?<=[가-힣]{2})(을|를|은|는|와|과|으로|로)(?=\s)", entry.msgstr)]
    if not spots:
        return None
    m = rnd.choice(spots)
    assert all(form in DOUBLE_FORMS for form in PARTICLE_FORMS.values())
    return _msgstr(entry, entry.msgstr[: m.start()] + PARTICLE_FORMS[m[1]] + entry.msgstr[m.end() :])


def inject_spacing(entry: Entry, rnd: random.Random) -> Entry | None:
    """A space put between a code span and its particle."""
    spots = [
        m for m in regex.finditer(r"(?<=`)(을|를|은|는|이|가|의|에|와|과|로|으로|도)(?=[\s.,])", entry.msgstr)
    ]
    if not spots:
        return None
    m = rnd.choice(spots)
    return _msgstr(entry, entry.msgstr[: m.start()] + " " + entry.msgstr[m.start() :])


def _plain(syllable_run: str) -> str:
    """A 합니다체 ending made 한다체: 습니다 -> 다, ㅂ니다 -> ㄴ다 (됩니다 -> 된다)."""
    if syllable_run.endswith("습니다"):
        return syllable_run[:-3] + "다"
    last = syllable_run[-3]
    code = ord(last) - 0xAC00
    return syllable_run[:-3] + chr(0xAC00 + code - code % 28 + 4) + "다"


def inject_speech_level(entry: Entry, rnd: random.Random) -> Entry | None:
    """A 합니다체 sentence of a 합니다체 page ended in 한다체."""
    spots = [m for m in regex.finditer(r"[가-힣]+니다(?=\.)", entry.msgstr)]
    if not spots:
        return None
    m = rnd.choice(spots)
    return _msgstr(entry, entry.msgstr[: m.start()] + _plain(m[0]) + entry.msgstr[m.end() :])


def inject_glossary(entry: Entry, rnd: random.Random, terms=()) -> Entry | None:
    """A glossary term's translation replaced by another word (its forbidden variant for every other
    defect, so both messages are tried)."""
    for term in rnd.sample(list(terms), len(terms)):
        if (
            term.pattern.search(prose(entry.msgid))
            and term.target in entry.msgstr
            and not term.target.isascii()
        ):
            return _msgstr(entry, entry.msgstr.replace(term.target, made_up(term.target)))
    return None


INJECT: dict[str, Inject] = {
    "code": inject_code,
    "link": inject_link,
    "number": inject_number,
    "tag": inject_tag,
    "anchor": inject_anchor,
    "placeholder": inject_placeholder,
    "english-left": inject_english_left,
    "cjk-stray": inject_cjk,
    "particle-form": inject_particle_form,
    "spacing": inject_spacing,
    "speech-level": inject_speech_level,
}


def load(folder: Path) -> list[list[Entry]]:
    """The translated entries of every PO under the folder, one list per file."""
    return [page_entries(read_po(p), str(p.relative_to(folder))) for p in sorted(folder.rglob("*.po"))]


def formal_pages(pages: list[list[Entry]]) -> set[str]:
    """Pages whose sentences are mostly 합니다체 (where a 한다체 sentence is a defect)."""
    found = set()
    for page in pages:
        counts = Counter(level for e in page for level, _ in speech_levels(e.msgstr))
        if counts and counts.most_common(1)[0][0] == FORMAL and sum(counts.values()) >= 4:
            found.add(page[0].path)
    return found


def made_up(word: str) -> str:
    """Another word for a Korean term: its syllables reversed or rotated, never ending in a syllable a
    particle or an ending could be (트벤이 would read as 트벤 + 이)."""
    for other in (word[::-1], word[1:] + word[0], word[-1] + word[:-1]):
        if other != word and other[-1] not in "이가을를은는의에도만로와과나인한할된될들":
            return other
    return word[::-1] + "스"


def consistency_defects(pages, pairs, rnd, busy, places=3, terms=8):
    """A strong term pair's Korean term replaced by another word in `places` entries of each of `terms`
    terms (a translator's drift); returns {(path, line): entry}."""
    strong = [
        p
        for p in pairs
        if not p.alternatives
        and p.dice >= MIN_TERM_DICE + 0.1  # still a term after 3 of its places change
        and p.count >= 15
        and p.count >= 0.8 * p.total
        and len(p.target) >= 2
        and not p.target.isascii()
        and " " not in p.target
    ]
    rnd.shuffle(strong)
    entries = [e for page in pages for e in page]
    made = {}
    for pair in strong:
        if len(made) >= places * terms:
            break
        key = next(iter(english_terms(pair.source)))
        fits = [
            e
            for e in entries
            if (e.path, e.line) not in busy
            and (e.path, e.line) not in made
            and key in english_terms(e.msgid)
            and pair.target in korean_terms(e.msgstr)
        ]
        pages_of = {e.path for e in fits}
        if len(pages_of) < places:
            continue
        variant = made_up(pair.target)
        chosen = [
            next(e for e in rnd.sample(fits, len(fits)) if e.path == p)
            for p in rnd.sample(sorted(pages_of), places)
        ]
        for e in chosen:
            made[(e.path, e.line)] = replace(e, msgstr=e.msgstr.replace(pair.target, variant))
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("po_dir", type=Path)
    parser.add_argument("--per-check", type=int, default=25)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    pages = [p for p in load(args.po_dir) if p]
    entries = [e for page in pages for e in page]
    started = time.perf_counter()
    pairs = mine(entries)
    strong = [
        p for p in pairs if p.count >= 10 and p.count >= 0.95 * p.total and not p.alternatives and not p.label
    ]
    glossary = [
        replace(t, forbidden=(made_up(t.target),) * (n % 2 and not t.target.isascii()))
        for n, t in enumerate(as_glossary(strong[:GLOSSARY_SIZE]))
    ]
    settings = CheckSettings()
    clean = check_pages(pages, settings, glossary, pairs)
    seconds = time.perf_counter() - started
    before = defaultdict(set)
    for f in clean:
        before[(f.path, f.line)].add(f.check)
    print(
        f"{len(pages)} PO files, {len(entries)} translated entries, {len(pairs)} mined term pairs, "
        f"glossary of {len(glossary)}; clean run {seconds:.1f} s, {len(clean)} findings"
    )
    formal = formal_pages(pages)
    injected: dict[tuple[str, int], tuple[str, Entry]] = {}
    order = entries[:]
    rnd.shuffle(order)
    injectors = dict(INJECT)
    injectors["glossary"] = lambda e, r: inject_glossary(e, r, glossary)
    for check, inject in injectors.items():
        made = 0
        for entry in order:
            key = (entry.path, entry.line)
            if made >= args.per_check or key in injected or check in before[key]:
                continue
            if check == "speech-level" and entry.path not in formal:
                continue
            new = inject(entry, rnd)
            if new is not None:
                injected[key] = (check, new)
                made += 1
    for key, new in consistency_defects(pages, pairs, rnd, set(injected)).items():
        injected[key] = ("consistency", new)
    changed = [[injected.get((e.path, e.line), (None, e))[1] for e in page] for page in pages]
    after = mine([e for page in changed for e in page])
    found = check_pages(changed, settings, glossary, after)
    at = defaultdict(set)
    for f in found:
        at[(f.path, f.line)].add(f.check)
    print(f"\n{'check':14} {'injected':>8} {'found':>6} {'recall':>7}   untouched with finding")
    untouched = [(e.path, e.line) for e in entries if (e.path, e.line) not in injected]
    for check in DEFAULT_LEVELS:
        keys = [k for k, (c, _) in injected.items() if c == check]
        hit = sum(check in at[k] for k in keys)
        false = sum(check in at[k] for k in untouched)
        recall = f"{hit / len(keys):.3f}" if keys else "-"
        print(
            f"{check:14} {len(keys):8} {hit:6} {recall:>7}   {false:5} ({100 * false / len(untouched):.2f} %)"
        )
    flagged = sum(bool(at[k]) for k in untouched)
    share = 100 * flagged / len(untouched)
    print(f"\nuntouched entries with any finding: {flagged} of {len(untouched)} ({share:.2f} %)")
    missed = [(c, new) for k, (c, new) in injected.items() if c not in at[k]]
    for check, new in missed[: args.examples * 4]:
        print(f"  missed {check}: {new.path}:{new.line} {new.msgstr[:140]!r}")
    shown = Counter()
    print("\nfindings on untouched entries (examples):")
    for f in found:
        if (f.path, f.line) in injected or shown[f.check] >= args.examples:
            continue
        shown[f.check] += 1
        print(f"  {f.check}: {f.path}:{f.line} {f.message[:150]}")
        print(f"      msgid  {f.msgid[:150]!r}\n      msgstr {f.msgstr[:150]!r}")


if __name__ == "__main__":
    main()
