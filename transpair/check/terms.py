"""Mine a site's term pairs from its aligned entries: English words and phrases of the msgids against the
Korean words of the msgstrs, scored by association (Dice) over every entry, with the competing
translations of each term (the same term translated another way elsewhere) and example places.

A Korean word is an eojeol with its particles cut off (컴포넌트를 -> 컴포넌트); an English term is a run of
1 to 3 words not starting or ending with a function word, its last word singular (components ->
component).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

import regex

from transpair.check.findings import Entry
from transpair.check.glossary import Term
from transpair.check.korean import PARTICLES
from transpair.check.markup import prose

STOP = frozenset(
    "the a an is are was were be been being to of and or in on for with that this it its you your can will "
    "not by from as at which when if but do does should would may into than then there these those we our "
    "us they them their he she his her i me my so such also all any each more most other some only just "
    "how what why where who whom same both no yes let lets via e g i.e etc use used using one two here "
    "has have had make makes made need needs get gets see shown above below like well very however "
    # adverbs: words of every kind of sentence, never terms
    "now never always often usually already still even again ever immediately simply actually really "
    "first later instead rather quite "
    # prepositions: the edge of a phrase, never of a term
    "during after before between through without within about across against along among around behind "
    "beyond except inside outside over under until upon per".split()
)
CLAUSE = regex.compile(r"[.,;:!?()\[\]\"“”'‘’/|*_~<>=+{}]|\s-\s|\s+—\s*")
EN_WORD = regex.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-'][A-Za-z0-9]+)*")
KO_WORD = regex.compile(r"[\p{Hangul}]+|[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
SUFFIXES = sorted(
    {*PARTICLES, "들", "들을", "들은", "들이", "들의", "들도", "들과", "들에", "에서의", "에게는"},
    key=len,
    reverse=True,
)
# the copula and the light verbs 하다/되다 after a noun (컴포넌트입니다, 렌더링합니다, 참고하세요), cut only
# after two syllables or more, so that 제한 or 간단한 keep their own syllables
ENDINGS = tuple(
    sorted(
        (
            "입니다 입니까 이다 이고 이며 이면 인지 이지만 이므로 이라면 이어야 이었 였습니다 인 "
            "합니다 하는 하고 하여 해야 하기 할 한 하면 했습니다 하지 해서 하세요 하십시오 했 하려면 하므로 "
            "됩니다 되는 된 되어 될 되면 되고 되지 됐 시킵니다 시키는"
        ).split(),
        key=len,
        reverse=True,
    )
)
SHORT_WORD = 3  # syllables: a word this short may end in a syllable that only looks like a particle
MIN_COUNT = 3  # a pair seen fewer times is no evidence of a site's usage
MIN_DICE = 0.2
MIN_SHARE = 0.7  # another translation goes with the term in 70 %+ of its own places
MAX_WORDS = 3


@dataclass(frozen=True)
class TermPair:
    """A mined term: its translation, how often they go together, the competing translations, examples."""

    source: str
    target: str
    count: int  # entries holding both
    total: int  # entries holding the source term
    dice: float
    alternatives: tuple[tuple[str, int], ...] = ()  # (other translation, entries) where target is absent
    examples: tuple[str, ...] = ()  # `path:line` of entries holding the pair
    label: bool = False  # from entries that are the term alone (a title such as Note, Tip, Example)


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """An English word, lowercased and made singular by the regular rules (libraries -> library)."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s")):
        return word[:-1]
    return word.removesuffix("'s")


@lru_cache(maxsize=65536)
def english_terms(msgid: str) -> dict[str, str]:
    """The candidate terms of a msgid: normalized form -> surface form as written."""
    found = {}
    for clause in CLAUSE.split(prose(msgid)):
        words = EN_WORD.findall(clause)
        lower = [w.lower() for w in words]  # each word lowered, singular and looked up once per clause
        edge = [w not in STOP for w in lower]
        last = [singular(w) if e and len(w) >= 2 else None for w, e in zip(words, edge)]
        for size in range(1, MAX_WORDS + 1):
            for start in range(len(words) - size + 1):
                end = start + size - 1
                if edge[start] and last[end] is not None:
                    key = " ".join([*lower[start:end], last[end]])
                    found.setdefault(key, " ".join(words[start : end + 1]))
    return found


@lru_cache(maxsize=65536)  # a site repeats its words: each is stripped once
def korean_stem(word: str) -> str:
    """A Korean eojeol without its trailing particles (컴포넌트들은 -> 컴포넌트); Latin words as singular."""
    if word[0].isascii():
        return singular(word)
    for _ in range(2):
        for suffix in SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 1:
                word = word[: -len(suffix)]
                break
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=65536)
def korean_terms(msgstr: str) -> frozenset[str]:
    """The candidate translations in a msgstr: stems of single words and of two neighbouring words, and
    short words as written too, unless they end like a verb (주의 is a word, not 주 + 의; 추가 is not
    추 + 가; 구축할 is 구축 + 할)."""
    found = set()
    for clause in CLAUSE.split(prose(msgstr)):
        words = KO_WORD.findall(clause)
        stems = [korean_stem(w) for w in words]
        found.update(stems)
        found.update(w for w in words if len(w) <= SHORT_WORD and not w.isascii() and not w.endswith(ENDINGS))
        found.update(f"{a} {b}" for a, b in zip(stems, stems[1:]))
    return frozenset(found)


def _alternatives(
    entries: Sequence[int], best: str, korean: Sequence[frozenset[str]], together: Counter, frequency: Counter
) -> tuple[tuple[str, int], ...]:
    """The other translations of a term: words of its entries lacking `best`, seen there 3 times or more,
    that go with the term in 70 %+ of their own places (so not words of every kind of sentence)."""
    candidates = {  # the words that can qualify, found once from the term's counts, not per entry
        k
        for k, n in together.items()
        if n >= MIN_COUNT
        and n >= MIN_SHARE * frequency[k]
        and " " not in k
        and best not in k
        and k not in best
    }
    if not candidates:
        return ()
    rest = [korean[i] for i in entries if best not in korean[i]]
    found = []
    for _ in range(3):
        counts = Counter(chain.from_iterable(words & candidates for words in rest))
        fits = sorted((k, n) for k, n in counts.items() if n >= MIN_COUNT)  # ties go to the first in order
        if not fits:
            break
        k, n = max(fits, key=lambda f: (f[1], len(f[0])))
        found.append((k, n))
        candidates.discard(k)
        rest = [words for words in rest if k not in words]
    return tuple(found)


def mine(entries: Sequence[Entry], min_count: int = MIN_COUNT, min_dice: float = MIN_DICE) -> list[TermPair]:
    """The site's term pairs, most frequent first: by association, and labels translated as a whole
    (`Note` the title, whatever `note that` goes with)."""
    english = [english_terms(e.msgid) for e in entries]
    ko_freq = Counter(chain.from_iterable(korean_terms(e.msgstr) for e in entries))
    least = min(min_count, MIN_COUNT)  # a Korean word seen fewer times can be no term's translation
    korean = [frozenset(k for k in korean_terms(e.msgstr) if ko_freq[k] >= least) for e in entries]
    en_freq = Counter(chain.from_iterable(english))
    where: dict[str, list[int]] = defaultdict(list)
    for index, terms in enumerate(english):
        for key in terms:
            if en_freq[key] >= min_count:
                where[key].append(index)
    surfaces: dict[str, Counter] = defaultdict(Counter)
    for terms in english:
        for key, surface in terms.items():
            surfaces[key][surface] += 1
    pairs = []
    for key, places in where.items():
        together = Counter(chain.from_iterable(korean[i] for i in places))
        scored = sorted(  # in order of the Korean text, so that a tie goes to the same one in every run
            (k, 2 * n / (len(places) + ko_freq[k]), n) for k, n in together.items() if n >= min_count
        )
        if not scored:
            continue
        size = key.count(" ")  # on a tie: the term itself (kept in English), as many words, the longer
        best, dice, count = max(
            scored, key=lambda s: (round(s[1], 6), s[0] == key, s[2], -abs(s[0].count(" ") - size), len(s[0]))
        )
        if dice < min_dice:
            continue
        examples = tuple(f"{entries[i].path}:{entries[i].line}" for i in places if best in korean[i])[:3]
        alternatives = _alternatives(places, best, korean, together, ko_freq)
        pairs.append(
            TermPair(_surface(key, surfaces[key]), best, count, len(places), dice, alternatives, examples)
        )
    known = {(p.source.lower(), p.target) for p in pairs}
    pairs += [p for p in label_pairs(entries, min_count) if (p.source.lower(), p.target) not in known]
    return _drop_parts(sorted(pairs, key=lambda p: (-p.count, p.source)))


def label(text: str) -> str | None:
    """An entry that is a short label (Note, Tip, Try it in the Playground:), as written, else None."""
    words = " ".join(prose(text).split()).strip("*_ ").rstrip(":：").strip("*_ ")
    return (
        words if words and len(words.split()) <= MAX_WORDS and not regex.search(r"[.!?,;]", words) else None
    )


def label_pairs(entries: Sequence[Entry], min_count: int = MIN_COUNT) -> list[TermPair]:
    """Labels translated as a whole, poconflicts-style: a msgid that is a short label in `min_count`+
    entries, its usual msgstr and every other one seen."""
    seen: dict[str, Counter] = defaultdict(Counter)
    places: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        source, target = label(entry.msgid), label(entry.msgstr)
        if source and target and regex.search(r"[A-Za-z]", source):
            seen[source][target] += 1
            places[(source, target)].append(entry)
    pairs = []
    for source, targets in seen.items():
        total = sum(targets.values())
        if total < min_count:
            continue
        (best, count), *others = targets.most_common()
        examples = tuple(f"{e.path}:{e.line}" for e in places[(source, best)][:3])
        pairs.append(TermPair(source, best, count, total, count / total, tuple(others), examples, label=True))
    return pairs


def _surface(key: str, seen: Counter) -> str:
    """How a term is written: its normalized form when the site writes it so, else the usual spelling."""
    return next((s for s, _ in seen.most_common() if s.lower() == key), seen.most_common(1)[0][0])


def _fit(pair: TermPair) -> tuple[int, int]:
    """How well a pair's sides match in size: word counts apart, then the shorter source first."""
    return (abs(len(pair.source.split()) - len(pair.target.split())), len(pair.source))


def _drop_parts(pairs: Iterable[TermPair]) -> list[TermPair]:
    """Of the terms sharing a translation where one holds the other (component, the component; state
    management, management -> 상태 관리), only the one whose size fits the translation best."""
    pairs = list(pairs)
    by_target: dict[str, list[TermPair]] = defaultdict(list)
    for pair in pairs:
        by_target[pair.target].append(pair)
    kept = []
    for pair in pairs:
        nested = [
            p
            for p in by_target[pair.target]
            if p is not pair
            and (p.source.lower() in pair.source.lower() or pair.source.lower() in p.source.lower())
        ]
        if all(_fit(pair) < _fit(p) for p in nested):
            kept.append(pair)
    return kept


def as_glossary(pairs: Iterable[TermPair]) -> list[Term]:
    """Mined pairs as glossary terms: counts, competing translations and examples in the note."""
    terms = []
    for pair in pairs:
        note = f"together in {pair.count} of {pair.total} entries (dice {pair.dice:.2f})"
        if pair.label:
            note = f"the whole entry in {pair.count} of {pair.total} entries that are this label"
        if pair.alternatives:
            note += "; also translated " + ", ".join(f"{t} ({n})" for t, n in pair.alternatives)
        if pair.examples:
            note += "; e.g. " + " ".join(pair.examples)
        target = pair.source if pair.target == pair.source.lower() else pair.target  # kept as written
        terms.append(Term(pair.source, target, (), note))
    return terms
